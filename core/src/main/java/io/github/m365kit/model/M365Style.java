package io.github.m365kit.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/** The one Immutables style of m365kit's value types: JDK collections only, {@code ImmutableX.builder()}. */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(jdkOnly = true, get = {"is*", "get*"}, init = "*", visibility = Value.Style.ImplementationVisibility.PUBLIC)
public @interface M365Style {}
