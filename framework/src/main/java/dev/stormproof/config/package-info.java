/**
 * Syntax shared by the {@code fromConfig} factories of the option classes. A leaf package: it
 * imports nothing from {@code dev.stormproof} and no JUnit, so every package may depend on it.
 * Callers keep their own messages (they name the key, the value and the fix); this package only
 * says whether text has the shape.
 */
package dev.stormproof.config;
