import Foundation

extension Strings {
    static let templates: Catalog = [
        "templates_title": ("Modèles de messages", "Message templates"),
        "templates_intro": (
            "Les textes que vos automatisations envoient. Un brouillon ne part jamais : activez-le quand il est prêt.",
            "The texts your automations send. A draft never goes out: activate it when it is ready."
        ),
        "templates_status": ("État", "Status"),
        "templates_channel": ("Canal", "Channel"),
        "templates_name": ("Modèle", "Template"),
        "templates_version": ("Version", "Version"),
        "templates_updated": ("Modifié", "Changed"),
        "templates_in_use": ("Envoyé par les automatisations", "Sent by the automations"),
        "templates_status_draft": ("Brouillon", "Draft"),
        "templates_status_active": ("Actif", "Active"),
        "templates_status_archived": ("Archivé", "Archived"),
        "templates_source_builtin": ("fourni avec Autopilot", "comes with Autopilot"),
        "templates_source_tenant": ("le vôtre", "your own"),
        "templates_by_assistant": ("brouillon écrit par l'assistant", "draft written by the assistant"),
        "templates_none": ("Aucun modèle ne correspond.", "No template matches."),
        "templates_editor": ("Modifier", "Edit"),
        "templates_subject": ("Objet", "Subject"),
        "templates_body": ("Texte", "Text"),
        "templates_language_fr": ("Français", "French"),
        "templates_language_en": ("Anglais", "English"),
        "templates_language_other": ("Langue « {0} »", "Language “{0}”"),
        "templates_save_hint": (
            "Enregistrer crée un brouillon : ce que les automatisations envoient ne change qu'à l'activation.",
            "Saving makes a draft: what the automations send changes only when you activate it."
        ),
        "templates_variables": ("Les informations que vous pouvez insérer", "What you can insert"),
        "templates_variables_hint": (
            "Écrivez-les entre doubles accolades, par exemple {{contact.first_name}}.",
            "Write them between double braces, for example {{contact.first_name}}."
        ),
        "templates_preview": ("Aperçu avec des exemples", "Preview with sample data"),
        "templates_preview_button": ("Mettre à jour l'aperçu", "Update the preview"),
        "templates_preview_hint": (
            "Le texte ci-dessous est montré tel quel, sans mise en forme.", "The text below is shown as it is, without formatting."
        ),
        "templates_preview_error": ("Ce modèle ne peut pas encore être affiché : {0}", "This template cannot be shown yet: {0}"),
        "templates_sms_segments": (
            "{0} caractères : {1} SMS ({2}).", "{0} characters: {1} text messages ({2})."
        ),
        "templates_sms_gsm7": (
            "alphabet SMS standard, 160 caractères pour un SMS, 153 par partie au-delà",
            "standard SMS alphabet, 160 characters for one message, 153 per part beyond"
        ),
        "templates_sms_ucs2": (
            "caractères spéciaux ou emoji : 70 caractères pour un SMS, 67 par partie au-delà",
            "special characters or emoji: 70 characters for one message, 67 per part beyond"
        ),
        "templates_activate": ("Activer", "Activate"),
        "templates_archive": ("Archiver", "Archive"),
        "templates_activate_hint": (
            "Activer vérifie le modèle et le fait envoyer par les automatisations à la place du précédent.",
            "Activating checks the template and has the automations send it instead of the previous one."
        ),
        "templates_test_send": ("M'envoyer un test", "Send me a test"),
        "templates_test_send_hint": (
            "Envoyé à {0}, avec les exemples, par l'expéditeur de votre boutique.",
            "Sent to {0}, with the sample data, through your shop's sender."
        ),
        "templates_versions": ("Versions", "Versions"),
        "templates_versions_builtin": (
            "Modèle fourni avec Autopilot : le modifier crée votre propre version, en brouillon.",
            "Comes with Autopilot: editing it makes your own version, as a draft."
        ),
        "templates_created": ("Créée le {0}", "Created {0}"),
        "templates_changed": ("modifiée le {0}", "changed {0}"),
        "templates_current": ("celle-ci", "this one"),
        "templates_read_only": ("Lecture seule.", "Read only."),
        "notice_template_saved": ("Brouillon enregistré.", "Draft saved."),
        "notice_template_activated": (
            "Modèle activé : les automatisations l'envoient désormais.", "Template activated: the automations now send it."
        ),
        "notice_template_archived": ("Modèle archivé.", "Template archived."),
        "notice_template_test_logged": (
            "Test écrit dans le journal du serveur : aucun expéditeur d'e-mails n'est configuré, rien n'est parti.",
            "Test written to the server's log: no email sender is set up, nothing went out."
        ),
        "notice_template_test_sent": ("Test envoyé à votre adresse.", "Test sent to your address."),
        "notice_template_test_failed": (
            "Le test n'a pas pu partir. Vérifiez les réglages d'envoi.", "The test could not go out. Check the sending settings."
        ),
    ]
}
