package dev.stormproof.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Container of repeated {@link ExpectTemplate} on one method; write the annotations, not this. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith({ExpectTemplateExtension.class, MissingOnDevice.class})
public @interface ExpectTemplates {
  /** @return the repeated annotations, in declaration order */
  ExpectTemplate[] value();
}
