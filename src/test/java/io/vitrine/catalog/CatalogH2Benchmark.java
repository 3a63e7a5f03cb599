package io.vitrine.catalog;

import org.springframework.boot.test.context.SpringBootTest;

/** The catalog benchmark on the embedded default: an H2 file database (under target/, recreated per run). */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/bench/catalog-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "vitrine.demo=false"
})
class CatalogH2Benchmark extends CatalogBenchmarkSupport {

    @Override
    String database() {
        return "H2 (file, embedded)";
    }
}
