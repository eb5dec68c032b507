package org.hotlinehub.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What casework tells residents, in Simplified Chinese; English in {@code messages/casework_en.properties}.
 */
@MessageBundle(value = "casework", locale = "zh")
public interface CaseworkMessages {

    /** To the resident of a merged duplicate: which ticket carries on. */
    @Message("您反映的问题（工单{duplicate}）与工单{primary}为同一事件，已合并办理，进展请查询工单{primary}。")
    String mergeNotice(String duplicate, String primary);

    /** To the resident whose report held two problems: the second one has a ticket of its own. */
    @Message("您反映的另一个问题已单独立案，工单号{split}；原工单{original}继续办理。")
    String splitNotice(String original, String split);
}
