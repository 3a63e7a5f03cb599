package io.vitrine.dialog.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.vitrine.dialog.Actor;
import io.vitrine.dialog.DialogTranscript;
import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.internal.DialogService;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's dialogs, as the widget uses them. */
@RestController
@RequestMapping("/api/v1/widget/me/dialogs")
class WidgetDialogController {

    private final DialogService dialogs;

    WidgetDialogController(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    @GetMapping
    List<DialogView> list(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper) {
        return dialogs.ofShopper(shopper);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DialogView request(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper,
            @Valid @RequestBody(required = false) RequestDialog body) {
        RequestDialog request = body == null ? new RequestDialog(null, null, null) : body;
        return dialogs.request(shopper, new DialogService.Request(request.expert(), request.store(), request.message()));
    }

    @GetMapping("/{id}")
    DialogTranscript transcript(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return dialogs.transcript(id, actor(shopper));
    }

    @PostMapping("/{id}/end")
    DialogView end(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id) {
        return dialogs.end(id, actor(shopper));
    }

    @PostMapping("/{id}/rating")
    DialogView rate(@Parameter(hidden = true) @AuthenticatedShopper Shopper shopper, @PathVariable UUID id,
            @Valid @RequestBody Rating rating) {
        return dialogs.rate(id, shopper, rating.score(), rating.comment());
    }

    private static Actor.Shopper actor(Shopper shopper) {
        return new Actor.Shopper(shopper.id(), shopper.merchantId());
    }

    /** {@code expert} is the handle a button targets, {@code store} a store name; {@code message} is optional. */
    record RequestDialog(@Size(max = 40) String expert, @Size(max = 80) String store,
            @Size(max = DialogService.MAX_MESSAGE_LENGTH) String message) {}

    record Rating(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {}
}
