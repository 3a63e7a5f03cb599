package io.vitrine.channels.demo;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The envelope of a WhatsApp webhook notification around one change value. */
final class DemoNotifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoNotifications() {}

    static String wrap(ObjectNode value) {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        root.putArray("entry").addObject().put("id", "0").putArray("changes").addObject().put("field", "messages")
                .set("value", value);
        return JSON.writeValueAsString(root);
    }
}
