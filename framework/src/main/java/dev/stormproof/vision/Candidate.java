package dev.stormproof.vision;

/**
 * One place the matcher weighed for a template, whether or not it passes the threshold (see
 * {@link Vision#candidates}). Immutable, no native memory.
 *
 * @param region where, in physical pixels of the frame
 * @param score gray TM_CCOEFF_NORMED score in [-1, 1]
 * @param scale screen-to-template scale
 * @param colorDistance normalised mean-BGR distance to the template in [0, 1] (0: same colour)
 */
public record Candidate(Region region, double score, double scale, double colorDistance) {}
