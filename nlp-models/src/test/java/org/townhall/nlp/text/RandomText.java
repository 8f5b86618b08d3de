package org.townhall.nlp.text;

import java.util.Random;

/**
 * Seeded generator of awkward strings for property-style tests: mixes of ASCII, control
 * characters, unpaired surrogates, emoji, combining marks, other scripts and very long runs.
 */
public final class RandomText {

  private static final String[] POOLS = {
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789 .,;:!?'\"-_/\\()[]{}<>@#$%^&*+=~`|",
    "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u00a0\u2028\u2029\ufeff\ufffd",
    "\ud800\udbff\udc00\udfff",
    "\u0301\u0308\u20dd\u200b\u200c\u200d\u2066\u202e",
    "\u4e00\u6211\u5783\u3042\u30a2\ud55c\u0627\u0644\u05d0\u0939\u0e01\u0416\u03a9\u00df\u0130\u1e9e",
    "\u00a3\u20ac$\u00a5\u2116\u00bd\u2460\uff21\ufb01\u2122",
  };
  private static final String[] EMOJI = {"\ud83d\ude00", "\ud83d\udc4d\ud83c\udffd", "\ud83c\uddec\ud83c\udde7",
      "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67"};
  private static final String[] WORDS = {"bin", "council", "tax", "pothole", "can't", "SW1A 1AA",
      "£20", "3rd", "wat", "collection"};

  private final Random random;

  public RandomText(long seed) {
    this.random = new Random(seed);
  }

  public String next() {
    int kind = random.nextInt(10);
    int length = kind == 0 ? random.nextInt(12_000) : random.nextInt(60);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      int choice = random.nextInt(POOLS.length + 2);
      if (choice == POOLS.length) {
        text.append(EMOJI[random.nextInt(EMOJI.length)]);
      } else if (choice == POOLS.length + 1) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      } else {
        String pool = POOLS[choice];
        text.append(pool.charAt(random.nextInt(pool.length())));
      }
    }
    if (random.nextInt(20) == 0) {
      return new String(randomBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }
    return text.toString();
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
