/**
 * What every HTTP API shares: JSON error bodies ({@code {"error": "..."}}) with the right 4xx or
 * 503 status, never a stack trace or a 500 for a client's mistake.
 */
package org.townhall.bot.web;
