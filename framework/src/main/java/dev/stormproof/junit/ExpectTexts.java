package dev.stormproof.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Container of repeated {@link ExpectText} annotations; written by the compiler, not by hand. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith({ExpectTextExtension.class, MissingOnDevice.class})
public @interface ExpectTexts {

  /**
   * The repeated annotations.
   *
   * @return them, in declaration order
   */
  ExpectText[] value();
}
