/**
 * Staff replies by email, for web chat residents who left an address and have gone: each such reply
 * is queued durably ({@code ReplyEmailOutbox}, on the store's channel queues, so any instance sends
 * it), sent over SMTP through Spring's {@code JavaMailSender} ({@code ReplyEmailDelivery}), retried a
 * bounded number of times, and either way staff are told in a note and in the call-back list. Off
 * unless {@code spring.mail.host} is set.
 */
package org.townhall.bot.channel.email;
