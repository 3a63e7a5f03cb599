package io.vitrine.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of demo mode: its paths are served only while {@code vitrine.demo} is on, and are unknown paths
 * otherwise (see {@link DemoOnlyControllers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DemoOnly {}
