import Foundation

extension Strings {
    static let customers: Catalog = [
        "customers_grid_title": ("Vos clients par récence et fréquence", "Your customers by recency and frequency"),
        "customers_grid_summary": (
            "Chaque case compte les clients et leur chiffre d'affaires, de 1 (il y a longtemps, rarement) à 5 (récemment, souvent).",
            "Each cell counts customers and their revenue, from 1 (long ago, rarely) to 5 (recently, often)."
        ),
        "customers_grid_explain": (
            "À droite, ceux qui ont commandé récemment ; en haut, ceux qui commandent souvent. Les meilleurs clients sont en haut à droite.",
            "To the right, those who ordered recently; at the top, those who order often. The best customers are top right."
        ),
        "customers_recency_axis": ("Récence (5 = commande récente)", "Recency (5 = ordered recently)"),
        "customers_frequency_axis": ("Fréquence (5 = commande souvent)", "Frequency (5 = orders often)"),
        "customers_count_header": ("Clients", "Customers"),
        "customers_revenue_header": ("Chiffre d'affaires", "Revenue"),
        "customers_scored": ("{0} clients évalués.", "{0} customers scored."),
        "customers_without_orders": (
            "{0} contacts n'ont encore jamais commandé : ils ne figurent pas dans la grille.",
            "{0} contacts have never ordered yet: they are not in the grid."
        ),
        "customers_not_scored_yet": (
            "Pas encore de scores : ils sont calculés chaque nuit à partir des commandes.",
            "No scores yet: they are computed every night from the orders."
        ),
        "customers_churn_title": ("Risque de départ", "Churn risk"),
        "customers_churn_summary": (
            "Nombre de clients par niveau de risque, du plus grave au plus faible.", "Customers per risk level, most severe first."
        ),
        "customers_churn_explain": (
            "Le risque qu'un client ne revienne pas, d'après ses commandes et ses ouvertures d'e-mails.",
            "The risk that a customer does not come back, from their orders and email opens."
        ),
        "churn_band_critical": ("critique", "critical"),
        "churn_band_very_high": ("très élevé", "very high"),
        "churn_band_high": ("élevé", "high"),
        "churn_band_medium": ("moyen", "medium"),
        "churn_band_low": ("faible", "low"),
        "customers_top_title": ("Les clients qui valent le plus", "Customers worth the most"),
        "customers_top_explain": (
            "Ce qu'ils devraient encore dépenser d'après leur historique, et leur chance d'être encore client.",
            "What they are expected to spend from their history, and their chance of still being a customer."
        ),
        "customers_who": ("Client", "Customer"),
        "customers_clv": ("Valeur à venir", "Value ahead"),
        "customers_alive_header": ("Encore client ?", "Still a customer?"),
        "customers_next_header": ("Prochaine commande", "Next order"),
        "customers_alive": ("{0} de chance d'être encore client", "{0} chance of still being a customer"),
        "customers_next_order": ("vers le {0}", "around {0}"),
        "customers_next_unknown": ("pas de date probable", "no likely date"),
        "customer_profile": ("Profil", "Profile"),
        "customer_email": ("E-mail", "Email"),
        "customer_phone": ("Téléphone", "Phone"),
        "customer_language": ("Langue", "Language"),
        "customer_birthdate": ("Anniversaire", "Birthday"),
        "customer_since": ("Connu depuis", "Known since"),
        "customer_consents": ("Consentements", "Consents"),
        "customer_consent_given": ("accepté le {0}", "given on {0}"),
        "customer_consent_refused": ("refusé ou retiré le {0}", "refused or withdrawn on {0}"),
        "customer_consent_unknown": ("jamais demandé", "never asked"),
        "customer_scores": ("Scores", "Scores"),
        "customer_not_scored": (
            "Pas encore évalué : les scores viennent des commandes, calculés chaque nuit.",
            "Not scored yet: scores come from orders, computed every night."
        ),
        "customer_segment": ("Groupe", "Group"),
        "customer_segment_meaning": (
            "d'après la récence, la fréquence et le montant de ses achats", "from how recently, how often and how much they buy"
        ),
        "customer_recency": ("Récence", "Recency"),
        "customer_recency_meaning": ("5 = a commandé très récemment, 1 = il y a longtemps", "5 = ordered very recently, 1 = long ago"),
        "customer_frequency": ("Fréquence", "Frequency"),
        "customer_frequency_meaning": ("5 = commande très souvent, 1 = une fois", "5 = orders very often, 1 = once"),
        "customer_monetary": ("Montant", "Spend"),
        "customer_monetary_meaning": ("5 = parmi ceux qui dépensent le plus, 1 = le moins", "5 = among those who spend most, 1 = least"),
        "customer_churn": ("Risque de départ", "Churn risk"),
        "customer_churn_meaning": ("la probabilité qu'il ne revienne pas", "how likely they are not to come back"),
        "customer_clv": ("Valeur à venir", "Value ahead"),
        "customer_clv_meaning": ("ce qu'il devrait encore dépenser d'après son historique", "what they are expected to spend from their history"),
        "customer_alive": ("Chance d'être encore client", "Chance of still being a customer"),
        "customer_alive_meaning": ("d'après le rythme de ses commandes passées", "from the rhythm of their past orders"),
        "customer_next_order": ("Prochaine commande probable", "Likely next order"),
        "customer_next_order_meaning": ("si son rythme habituel se poursuit", "if their usual rhythm goes on"),
        "customer_scored_at": ("Calculé le", "Computed on"),
        "customer_scored_at_meaning": ("les scores sont recalculés chaque nuit", "scores are recomputed every night"),
        "customer_orders": ("Commandes", "Orders"),
        "customer_order_number": ("N°", "No."),
        "customer_date": ("Date", "Date"),
        "customer_status": ("État", "Status"),
        "customer_items": ("Articles", "Items"),
        "customer_total": ("Total", "Total"),
        "customer_no_orders": ("Aucune commande.", "No order."),
        "customer_carts": ("Paniers", "Carts"),
        "customer_no_carts": ("Aucun panier.", "No cart."),
        "customer_order_pending": ("en attente", "pending"),
        "customer_order_placed": ("passée", "placed"),
        "customer_order_fulfilled": ("expédiée", "shipped"),
        "customer_order_delivered": ("livrée", "delivered"),
        "customer_order_refunded": ("remboursée", "refunded"),
        "customer_order_cancelled": ("annulée", "cancelled"),
        "customer_cart_open": ("en cours", "open"),
        "customer_cart_abandoned": ("abandonné", "abandoned"),
        "customer_cart_recovered": ("récupéré", "recovered"),
        "customer_cart_converted": ("commandé", "ordered"),
    ]
}
