package io.vitrine.inquiries.web;

import io.vitrine.inquiries.internal.InquiryService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Too many requests from one address: 429 with Retry-After and a problem detail the form shows. */
@RestControllerAdvice(assignableTypes = PublicRequestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    @ExceptionHandler(InquiryService.RateLimited.class)
    ResponseEntity<ProblemDetail> onRateLimited(InquiryService.RateLimited e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setProperty("code", "rate_limited");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }
}
