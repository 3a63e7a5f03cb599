package io.vitrine.dialog;

import io.vitrine.shared.Avatar;

/** What someone opening an invite link sees before joining: with whom, and whether there is room. */
public record InvitePreview(DialogView.MerchantRef merchant, Avatar expert, Avatar host, DialogStatus status,
        int customers, int maxCustomers, String privacyPolicyUrl) {}
