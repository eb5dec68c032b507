/**
 * The call-back survey (回访) after resolution: asking the resident on their channel, and closing or reopening the
 * ticket on the answer. Depends on store and model.
 */
package org.hotlinehub.survey;
