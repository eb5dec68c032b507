package org.hotlinehub.connectors.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Operator-facing text of the console, in Simplified Chinese; English in {@code messages/con_en.properties}. */
@MessageBundle(value = "con", locale = "zh")
public interface ConsoleMessages {

    @Message("96993 热线工作台")
    String brand();

    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();

    @Message("工作台")
    String home();

    @Message("待办队列")
    String queue();

    @Message("工单")
    String tickets();

    @Message("来电")
    String calls();

    @Message("督办")
    String supervision();

    @Message("报表")
    String reports();

    @Message("基础数据")
    String admin();

    @Message("退出登录")
    String signOut();

    @Message("您好，{name}")
    String hello(String name);

    @Message("角色：{roles}")
    String yourRoles(String roles);

    @Message("从左侧菜单开始工作：待办队列显示新工单和待分拣事项。")
    String homeIntro();
}
