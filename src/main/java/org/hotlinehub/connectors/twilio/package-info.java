/**
 * Twilio Messaging: the signed SMS webhook ({@code /twilio/sms}) and its status callbacks, the residents' and partners'
 * SMS conversations, and outbound SMS through the Twilio SDK (or recorded only, in sandbox mode).
 */
package org.hotlinehub.connectors.twilio;
