/**
 * Finding images on the screen: a scoped {@link dev.stormproof.vision.Vision} per test (or per
 * {@code main}), templates from {@code templates/} on the class path held by a longer-lived
 * {@link dev.stormproof.vision.TemplateLibrary}, immutable {@link dev.stormproof.vision.Match}
 * results.
 *
 * <p>Memory: every native buffer is allocated inside a per-call
 * {@link dev.stormproof.vision.LedgerScope} (a javacpp {@code PointerScope} recording each
 * allocation, its size and site in the {@link dev.stormproof.leak.Ledger}) and is either freed
 * when the call returns or owned by the Vision (frames, reused score maps) or the library
 * (decoded templates) until they close. Use after close throws {@link IllegalStateException}.
 *
 * <p>Matching: TM_CCOEFF_NORMED, coarse-to-fine (pyramid level where the template keeps >= 16
 * px, a few template scales, top candidates refined at full resolution, scale hill-climbed),
 * optional mean-colour check, non-maximum suppression for {@code findAll}, a result cache keyed
 * by the frame's pixel hash. No JUnit here: {@code dev.stormproof.junit} builds
 * {@code @ExpectTemplate} on {@link dev.stormproof.vision.Expectation} and
 * {@link dev.stormproof.vision.Vision#awaitAll}.
 */
package dev.stormproof.vision;
