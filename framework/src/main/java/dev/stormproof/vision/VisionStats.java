package dev.stormproof.vision;

/**
 * Counters of one {@link Vision}: searches run or answered from the result cache, frames
 * captured, and its template library's cache figures. A snapshot; immutable.
 *
 * @param searches searches run, including those answered from the result cache
 * @param resultCacheHits searches answered from the result cache
 * @param framesCaptured frames captured
 * @param templateCacheHits template loads served from the library's cache
 * @param templateCacheMisses template loads that decoded the file
 * @param templateEvictions decoded templates evicted from the cache
 */
public record VisionStats(long searches, long resultCacheHits, long framesCaptured,
    long templateCacheHits, long templateCacheMisses, long templateEvictions) {

  /** @return the share of searches answered from the result cache, in [0, 1] */
  public double resultCacheHitRate() {
    return searches == 0 ? 0 : (double) resultCacheHits / searches;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "searches=%d resultCacheHits=%d (%.0f%%) frames=%d templateCache hits=%d misses=%d evictions=%d",
        searches, resultCacheHits, 100 * resultCacheHitRate(), framesCaptured, templateCacheHits,
        templateCacheMisses, templateEvictions);
  }
}
