package org.townhall.bot.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where buckets live: in this instance's memory, or in Redis for every instance. */
interface Buckets {

  /**
   * The bucket named {@code key}, made from {@code configuration} if there is none yet.
   *
   * @param key a fixed name and a hash: never raw client input
   */
  Bucket bucket(String key, BucketConfiguration configuration);
}
