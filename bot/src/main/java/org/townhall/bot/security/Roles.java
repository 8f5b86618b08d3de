package org.townhall.bot.security;

/** Staff roles. */
public final class Roles {

  public static final String AGENT = "AGENT";
  public static final String EDITOR = "EDITOR";
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
