package io.vitrine.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI vitrineOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vitrine API").version("v1").description("""
                        Live consultations from a shop's button to an expert's console.
                        Widget endpoints (/api/v1/widget/**) authenticate the shopper with `Authorization: Bearer <token>`;
                        staff endpoints use the login session and need the `X-XSRF-TOKEN` header (from the XSRF-TOKEN
                        cookie) on changes. Errors are RFC 9457 problem details with a specific `code`; invalid fields
                        come in `errors` as {field, code, min?, max?, message}, codes being required, too_long, too_short,
                        email, format, out_of_range or invalid. The realtime protocol at /ws is described in
                        docs/protocol.md."""))
                .schemaRequirement("shopperToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .schemaRequirement("staffSession", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE).name("JSESSIONID"))
                .addSecurityItem(new SecurityRequirement().addList("staffSession"));
    }
}
