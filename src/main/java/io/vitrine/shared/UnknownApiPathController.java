package io.vitrine.shared;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An API path that does not exist is answered like every other API error: as a problem detail. */
@Hidden
@RestController
class UnknownApiPathController {

    @RequestMapping("/api/**")
    void unknown() {
        throw new DomainException(DomainException.Kind.NOT_FOUND, "not_found",
                "There is no such API endpoint; see /v3/api-docs for the API.");
    }
}
