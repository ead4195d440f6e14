/**
 * Arena, the sample game of the virtual device: a {@link dev.stormproof.device.virtual.VirtualApp}
 * drawn with Java2D and a bundled font, deterministic for a seed, with a scene model
 * ({@link dev.stormproof.device.virtual.arena.Scene}) as ground truth for template-matching tests.
 *
 * <p>Tools with a {@code main}: {@link dev.stormproof.device.virtual.arena.ArenaTemplates} exports
 * the sample tests' template PNGs, {@link dev.stormproof.device.virtual.arena.ArenaShots} writes
 * full screenshots of every screen at every size. Neither needs JUnit.
 */
package dev.stormproof.device.virtual.arena;
