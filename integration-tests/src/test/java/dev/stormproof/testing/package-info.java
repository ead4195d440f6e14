/**
 * Test support shared by the framework's own tests (src/test only, never shipped): a private real
 * adb server ({@link dev.stormproof.testing.TestAdbServer}), a recording report sink
 * ({@link dev.stormproof.testing.RecordingSink}, also the one registered through
 * {@code META-INF/services}) and a recording virtual app ({@link dev.stormproof.testing.CountingApp}).
 * Classes here may be used by tests of any package; they depend only on core packages.
 */
package dev.stormproof.testing;
