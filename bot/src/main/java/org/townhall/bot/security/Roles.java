package org.townhall.bot.security;

/** Staff roles. */
public final class Roles {

  public static final String AGENT = "AGENT";
  public static final String EDITOR = "EDITOR";
  public static final String ADMIN = "ADMIN";
  /** Sees everyone's load and gives conversations to named colleagues. */
  public static final String SUPERVISOR = "SUPERVISOR";
  /** Reads the insight figures (read-only: no conversations, no content, no accounts). */
  public static final String MANAGER = "MANAGER";

  private Roles() {}
}
