package org.hotlinehub.model;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The names of residents' flags in Simplified Chinese; English in {@code messages/flags_en.properties}. Read through
 * {@link ResidentFlags}, and in templates as {@code {flags:name(f)}}. An unknown flag is shown as it is written; the
 * {@code assurance-*} flags are the resident's call-assurance settings.
 */
@MessageBundle(value = "flags", locale = "zh")
public interface ResidentFlagMessages {

    @Message("""
            {#when flag}{#is 'elderly-alone'}独居老人{#is 'disabled'}残疾人{#is 'elderly'}老年人{#is 'low-income'}低收入\
            {#is 'assurance-no-silence'}无声来电不报警{#is 'assurance-no-sms'}不短信通知紧急联系人{#else}{flag}{/when}""")
    String name(String flag);
}
