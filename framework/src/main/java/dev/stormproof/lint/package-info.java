/**
 * The template lint: checks a template library against recorded screens (found, unambiguous,
 * no near-duplicates, not too small, flat or large). JUnit-free; the JUnit layer runs it as one
 * dynamic test per template.
 */
package dev.stormproof.lint;
