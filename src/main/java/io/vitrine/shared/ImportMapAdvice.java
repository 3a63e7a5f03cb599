package io.vitrine.shared;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every server-rendered page its import map (see {@link ImportMap}). */
@ControllerAdvice
class ImportMapAdvice {

    private final ImportMap importMap;

    ImportMapAdvice(ImportMap importMap) {
        this.importMap = importMap;
    }

    @ModelAttribute("importMap")
    String importMap() {
        return importMap.json();
    }
}
