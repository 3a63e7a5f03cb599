package io.vitrine.dialog.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Settings under {@code vitrine.dialog.answer-mail}: at most one email per dialog per {@code quietPeriod}. */
@Validated
@ConfigurationProperties("vitrine.dialog.answer-mail")
record AnswerMailProperties(@NotNull @DefaultValue("15m") Duration quietPeriod) {}
