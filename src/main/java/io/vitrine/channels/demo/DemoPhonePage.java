package io.vitrine.channels.demo;

import io.vitrine.channels.Channel;
import io.vitrine.channels.internal.ChannelAccounts;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.DemoOnly;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page of the shopper's demo phone; messages come from {@link DemoPhoneController}. */
@Controller
@DemoOnly
class DemoPhonePage {

    private final ChannelAccounts accounts;
    private final MerchantApi merchants;

    DemoPhonePage(ChannelAccounts accounts, MerchantApi merchants) {
        this.accounts = accounts;
        this.merchants = merchants;
    }

    @GetMapping("/demo/phone")
    String phone(Model model) {
        List<Map<String, String>> numbers = new ArrayList<>();
        merchants.findBySlug(DemoChannels.MERCHANT).ifPresent(demo -> {
            for (Channel channel : Channel.values()) {
                accounts.numbers(demo.id(), channel).forEach(number ->
                        numbers.add(Map.of("channel", channel.name(), "number", number)));
            }
        });
        model.addAttribute("businessNumbers", numbers);
        model.addAttribute("shopperNumber", DemoChannels.SHOPPER);
        return "demo-phone";
    }
}
