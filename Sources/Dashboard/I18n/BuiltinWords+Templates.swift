extension BuiltinWords {
    /// The built-in templates' descriptions, by id (Sources/Flows/TemplateLibrary).
    static let templates: [String: Words] = [
        "abandoned-cart-coupon": ("Dernier rappel du panier, avec un code promo unique.", "Last cart reminder with a unique discount coupon."),
        "abandoned-cart-reminder": (
            "Premier rappel du panier, avec ses articles, son montant et le lien pour le valider.",
            "First cart reminder with the cart's lines, value and checkout link."),
        "abandoned-cart-sms": ("Rappel du panier par SMS, avec son montant et le lien pour le valider.", "SMS reminder of the cart with its value and checkout link."),
        "abandoned-cart-social-proof": (
            "Deuxième rappel du panier, avec la note du produit et son nombre d'avis.",
            "Second cart reminder with the product's rating and number of reviews."),
        "at-risk-discount": ("Une remise unique pour un client qui risque de partir.", "A unique discount for a customer likely to leave."),
        "at-risk-founder-email": ("Un mot personnel du fondateur à un client qui risque de partir.", "Personal note from the founder to a customer likely to leave."),
        "birthday-gift": ("Vœux d'anniversaire avec un code de réduction unique.", "Birthday wishes with a unique discount code."),
        "birthday-reminder": ("Rappelle au contact que son cadeau d'anniversaire est encore valable.", "Reminds the contact that the birthday gift is still valid."),
        "birthday-teaser": ("Annonce un cadeau d'anniversaire une semaine avant le jour J.", "Announces a birthday gift a week before the day."),
        "follow-up-not-opened": (
            "Un second essai court après un e-mail reçu mais pas ouvert.",
            "A short second try after an email that was delivered but not opened."),
        "follow-up-opened": (
            "Une relance à qui a ouvert le dernier e-mail sans répondre, avec une question simple.",
            "A follow-up to someone who opened the last email but did not answer, with one easy question."),
        "follow-up-silence": ("Un petit rappel amical après plusieurs jours sans réponse.", "A friendly nudge after several days without an answer."),
        "follow-up-sms": (
            "Une courte relance personnelle par SMS quand l'e-mail ne passe pas.",
            "A short personal follow-up by SMS when email does not get through."),
        "follow-up-whatsapp": ("Une courte relance personnelle sur WhatsApp.", "A short personal follow-up on WhatsApp."),
        "hot-lead-call": (
            "Répond à un lead chaud qui attend, et propose tout de suite un créneau d'appel.",
            "Answers a hot lead who has been waiting, and offers a call slot right away."),
        "lead-booking-link": ("Invite un lead chaud à réserver un appel.", "Invites a hot lead to book a call."),
        "lead-nurture-1": ("Premier e-mail de suivi pour un lead frais.", "First nurture email for a cool lead."),
        "lead-nurture-2": (
            "Deuxième e-mail de suivi pour un lead frais : comment se passe une collaboration.",
            "Second nurture email for a cool lead, on how working together goes."),
        "lead-nurture-3": ("Dernier e-mail de suivi pour un lead frais, avec le lien de réservation.", "Last nurture email for a cool lead, with the booking link."),
        "order-confirmation-sms": ("Confirme la commande avec son numéro et son total.", "Confirms the order with its number and total."),
        "price-drop-alert": (
            "Prévient qu'un produit en favori a baissé, avec l'ancien et le nouveau prix.",
            "Tells a wishlister that a product's price dropped, with the old and new price."),
        "referral-invitation": (
            "Invite un client fidèle à parrainer des amis avec un code personnel.",
            "Invites a returning customer to refer friends with a personal code."),
        "referral-reward": (
            "Remercie le parrain, ou accueille l'ami parrainé, avec un code de réduction pour la prochaine commande.",
            "Thanks the referrer, or welcomes the referred friend, with a reward coupon for the next order."),
        "replenishment-reminder": ("Rappelle au client de recommander avant d'en manquer.", "Reminds the customer to reorder before running out."),
        "review-photo-incentive": (
            "Remercie pour l'avis et offre une remise pour l'ajout d'une photo.",
            "Thanks for the review and offers a discount for adding a photo."),
        "review-reminder": ("Rappelle une fois de donner son avis sur la commande livrée.", "Reminds once to review the delivered order."),
        "review-request": ("Demande un avis sur la commande livrée.", "Asks for a review of the delivered order."),
        "shipping-notification-sms": (
            "Prévient le client que sa commande est partie, avec le lien de suivi.",
            "Tells the customer the order has shipped, with the tracking link."),
        "welcome-1": ("Premier e-mail de bienvenue pour un nouveau contact.", "First welcome email for a new contact."),
        "welcome-2": ("Deuxième e-mail de bienvenue, avec les coups de cœur et des conseils.", "Second welcome email, with favourites and advice."),
        "welcome-3": ("Troisième e-mail de bienvenue, avec une remise de bienvenue unique.", "Third welcome email with a unique welcome discount."),
        "win-back-1": ("Fait revenir un client qui n'a pas commandé depuis 90 jours.", "Brings back a customer who has not ordered for 90 days."),
        "win-back-coupon": (
            "Remise de reconquête pour un client qui n'a pas commandé depuis 90 jours.",
            "Win-back discount for a customer who has not ordered for 90 days."),
        "win-back-vip": (
            "Un mot personnel et sans pression du fondateur à un bon client qui risque de partir.",
            "A personal, no-pressure note from the founder to a valued customer at risk of leaving."),
        "callback-confirmation-sms": ("Confirme le créneau de rappel que le contact a réservé.", "Confirms the callback slot the contact booked."),
        "callback-confirmation-email": (
            "Confirme par e-mail le créneau de rappel que le contact a réservé.", "Confirms the callback slot the contact booked, by email."),
        "payment-link-sms": ("Envoie au contact le lien de paiement qu'il a demandé.", "Sends the contact the payment link they asked for."),
    ]
}
