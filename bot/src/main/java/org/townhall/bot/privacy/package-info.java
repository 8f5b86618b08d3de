/**
 * Personal data taken out of residents' words before they leave the conversation: {@link
 * org.townhall.bot.privacy.Redactor} replaces email addresses, phone numbers, National Insurance
 * numbers, payment card numbers and bank details with placeholders, and cuts a full postcode to its
 * district. It depends on nothing, so any feature that shows or counts residents' messages (the
 * editors' inbox, analytics) uses the same one.
 */
package org.townhall.bot.privacy;
