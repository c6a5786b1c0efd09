extension BuiltinWords {
    /// The built-in flows, by id (Sources/Flows/Library).
    static let flows: [String: (name: Words, description: Words)] = [
        "abandoned-cart": (
            ("Panier abandonné", "Abandoned cart"),
            ("SMS à 20 minutes, puis trois e-mails (rappel, avis clients, code promo) jusqu'à l'achat ou la récupération du panier.",
             "SMS at 20 minutes, then three emails (reminder, social proof, coupon) until the cart is bought or recovered.")),
        "at-risk-customer": (
            ("Client sur le départ", "At-risk customer"),
            ("Un e-mail du fondateur, puis une remise, puis un appel VIP pour les clients qui risquent de partir.",
             "Founder email, then a discount, then a VIP call for customers likely to leave.")),
        "birthday": (
            ("Anniversaire", "Birthday"),
            ("Annonce, code cadeau d'anniversaire et rappel, à 10 h heure locale.",
             "Teaser, birthday gift coupon and reminder, at 10:00 local time.")),
        "delegate-not-opened": (
            ("Délégué : non ouvert", "Delegated: Not opened"),
            ("Envoie la relance « non ouvert » sans demander, sur le canal choisi par la recommandation.",
             "Sends the not_opened follow-up without asking, on the channel the recommendation chose.")),
        "delegate-opened-no-reply": (
            ("Délégué : ouvert, sans réponse", "Delegated: Opened, no reply"),
            ("Envoie la relance « ouvert, sans réponse » sans demander, sur le canal choisi par la recommandation.",
             "Sends the opened_no_reply follow-up without asking, on the channel the recommendation chose.")),
        "delegate-silence": (
            ("Délégué : silence", "Delegated: Silence"),
            ("Envoie la relance « silence » sans demander, sur le canal choisi par la recommandation.",
             "Sends the silence follow-up without asking, on the channel the recommendation chose.")),
        "lead-nurture": (
            ("Suivi des leads", "Lead nurture"),
            ("Oriente les leads qualifiés selon leur niveau (chaud, tiède, frais, froid).",
             "Routes qualified leads by tier (hot, warm, cool, cold).")),
        "order-confirmation-sms": (
            ("SMS de confirmation de commande", "Order confirmation SMS"),
            ("Confirme chaque commande par SMS dès qu'elle est passée.", "Confirms every order by SMS as soon as it is placed.")),
        "price-drop": (
            ("Alerte baisse de prix", "Price drop alert"),
            ("Prévient ceux qui ont mis un produit en favori quand son prix baisse de 5 % ou plus.",
             "Tells wishlisters when a product's price falls by 5 % or more.")),
        "referral": (
            ("Invitation au parrainage", "Referral invitation"),
            ("Invite les clients qui ont commandé deux fois à parrainer des amis, avec un code de parrainage unique.",
             "Invites customers who ordered twice to refer friends, with a unique referral code.")),
        "replenishment": (
            ("Rappel de réassort", "Replenishment reminder"),
            ("Rappelle aux clients de recommander quelques jours avant d'en manquer.",
             "Reminds customers to reorder a few days before they run out.")),
        "review-request": (
            ("Demande d'avis", "Review request"),
            ("Demande un avis après la livraison, relance une fois, récompense les avis avec photo, alerte sur les mauvaises notes.",
             "Asks for a review after delivery, reminds once, rewards photo reviews, escalates low ratings.")),
        "shipping-notification-sms": (
            ("SMS d'expédition", "Shipping notification SMS"),
            ("Prévient le client que sa commande est partie, avec le lien de suivi.",
             "Tells the customer their order has shipped, with the tracking link.")),
        "welcome": (
            ("Série de bienvenue", "Welcome series"),
            ("Trois e-mails qui présentent la boutique à un nouveau contact.", "Three emails that introduce the shop to a new contact.")),
        "win-back": (
            ("Reconquête", "Win-back"),
            ("Fait revenir les clients qui n'ont pas commandé depuis 90 jours.", "Brings back customers who have not ordered for 90 days.")),
    ]
}
