package io.vitrine.contacts.web;

import io.vitrine.contacts.internal.DemoMailbox;
import io.vitrine.contacts.internal.DemoReplies;
import io.vitrine.shared.DemoOnly;
import io.vitrine.shared.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Demo mode only: the shoppers' mailbox. Mail Vitrine sends to shoppers arrives here through the embedded SMTP
 * listener; a reply written here is sent by SMTP to the reply domain, the same inbound path real replies take.
 */
@Controller
@DemoOnly
class DemoInboxController {

    private final DemoMailbox mailbox;
    private final DemoReplies replies;

    DemoInboxController(DemoMailbox mailbox, DemoReplies replies) {
        this.mailbox = mailbox;
        this.replies = replies;
    }

    @GetMapping("/demo/inbox")
    String list(@RequestParam(required = false) String to, Model model) {
        model.addAttribute("to", to);
        model.addAttribute("mails", mailbox.list(to == null || to.isBlank() ? null : to.strip()));
        return "contacts/inbox";
    }

    @GetMapping("/demo/inbox/{id}")
    String read(@PathVariable UUID id, Model model) {
        model.addAttribute("mail", mailbox.find(id).orElseThrow(() -> DomainException.notFound("The email")));
        model.addAttribute("content", replies.read(id));
        return "contacts/inbox-mail";
    }

    @PostMapping("/demo/inbox/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Model model) {
        if (text.isBlank()) {
            return read(id, model);
        }
        replies.reply(id, text);
        return "redirect:/demo/inbox/" + id + "?replied";
    }
}
