package org.townhall.bot.store;

/** The store cannot be reached or did not answer in time; nothing was written. Try again later. */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
