/**
 * The JUnit Jupiter layer, and the only package that imports JUnit: annotate a test class or
 * method with {@link dev.stormproof.junit.OnDevice} to get a leased {@code Device}, a
 * {@code Vision} and a {@code TaskScope} as parameters;
 * {@link dev.stormproof.junit.ExpectTemplate} states what must be on screen;
 * {@link dev.stormproof.junit.LeakGuard} fails iterations that leak. Everything a test gets is
 * closed after it; devices live for the run.
 */
package dev.stormproof.junit;
