package io.vitrine.shopper;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Shopper} controller parameter resolved from the {@code Authorization: Bearer <token>} header;
 * a missing or unknown token is answered with 401.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuthenticatedShopper {

    /** When false, a request without a known token resolves to null instead of being refused. */
    boolean required() default true;
}
