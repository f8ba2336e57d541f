/**
 * French-speaking demo content (issue #14): fictional brands whose customers
 * write in French, their classic stories, and the templates and replies the
 * generator combines, so /fr/ shows a board that feels French.
 *
 * Data only, no logic. Every brand, person, phone number and address here is
 * invented: domains live under the reserved .example TLD, phone numbers use
 * the +00 / 555 ranges. Written in French, not translated: the stories and
 * replies are the ones a French customer and a French support team would write.
 */
import type { Sector } from '../../src/domain/vocabulary.ts';
import type { ClassicStory, DemoBrand, StoryTemplate } from './content.ts';

// ---------------------------------------------------------------------------
// Brands
// ---------------------------------------------------------------------------

export const FRENCH_DEMO_BRANDS: DemoBrand[] = [
  {
    slug: 'fibrelune',
    name: 'Fibrelune',
    domain: 'fibrelune.example',
    sector: 'telecom',
    country: 'FR',
    description:
      'Opérateur de box fibre et ADSL, de télévision et de forfaits mobiles, présent dans toute la France. Sa hotline est réputée saturée les soirs de grands matchs.',
    contact: {
      phone: '+00 33 555 0140',
      email: 'serviceclient@fibrelune.example',
      chatUrl: 'https://fibrelune.example/assistance/chat',
      social: { x: 'https://x.example/FibreluneAide' },
      openingHours: 'Lun-Sam 8 h-21 h',
    },
    verified: true,
    quality: 0.5,
    cannedness: 0.5,
  },
  {
    slug: 'colimarche',
    name: 'Colimarché',
    domain: 'colimarche.example',
    sector: 'ecommerce',
    country: 'FR',
    description:
      'Place de marché en ligne (high-tech, maison, jardin) avec des milliers de vendeurs partenaires, livrée en point relais ou à domicile.',
    contact: {
      phone: null,
      email: 'aide@colimarche.example',
      chatUrl: 'https://colimarche.example/aide',
      social: {
        x: 'https://x.example/Colimarche',
        instagram: 'https://instagram.example/colimarche',
      },
      openingHours: 'Tous les jours 9 h-20 h',
    },
    verified: true,
    quality: 0.72,
    cannedness: 0.3,
  },
  {
    slug: 'clairvent-energie',
    name: 'Clairvent Énergie',
    domain: 'clairvent-energie.example',
    sector: 'energy',
    country: 'FR',
    description:
      'Fournisseur d’électricité et de gaz « 100 % en ligne » : espace client, chat, et un numéro non surtaxé aux heures de bureau.',
    contact: {
      phone: '+00 33 555 0177',
      email: null,
      chatUrl: 'https://clairvent-energie.example/espace-client/chat',
      social: {},
      openingHours: 'Lun-Ven 9 h-18 h',
    },
    verified: true,
    quality: 0.3,
    cannedness: 0.8,
  },
  {
    slug: 'nuagerie',
    name: 'Nuagerie',
    domain: 'nuagerie.example',
    sector: 'hosting',
    country: 'FR',
    description:
      'Petit hébergeur lyonnais : noms de domaine, hébergement web et messagerie pour les TPE et les associations. Support par tickets uniquement.',
    contact: {
      phone: null,
      email: 'support@nuagerie.example',
      chatUrl: null,
      social: {},
      openingHours: 'Tickets traités du lundi au vendredi',
    },
    verified: false,
    quality: 0.35,
    cannedness: 0.15,
  },
  {
    slug: 'comptoir-vernier',
    name: 'Comptoir Vernier',
    domain: 'comptoir-vernier.example',
    sector: 'retail',
    country: 'FR',
    description:
      'Enseigne d’électroménager, d’informatique et de multimédia : 140 magasins en France et un site marchand. Service après-vente en magasin et par téléphone.',
    contact: {
      phone: '+00 33 555 0123',
      email: 'sav@comptoir-vernier.example',
      chatUrl: null,
      social: { facebook: 'https://facebook.example/comptoirvernier' },
      openingHours: 'Lun-Sam 9 h 30-19 h 30',
    },
    verified: true,
    quality: 0.45,
    cannedness: 0.55,
  },
];

// ---------------------------------------------------------------------------
// Classic stories
// ---------------------------------------------------------------------------

export const FRENCH_CLASSIC_STORIES: ClassicStory[] = [
  // 1. The box dies on the night of the final; a replacement arrives when promised.
  {
    brandSlug: 'fibrelune',
    kind: 'fail',
    title: 'Box Fibrelune morte le soir de la finale, et un rendez-vous technicien proposé dans douze jours',
    story:
      'Samedi, 20 h 30, une demi-heure avant le coup d’envoi de la finale de la Coupe du monde de rugby, ma box Fibrelune s’est éteinte. Plus de télé, plus d’internet, un voyant rouge qui clignote. J’ai tout fait : redémarrage, autre prise, réinitialisation comme le dit la page d’aide. Rien.\n\nAu 3900, quarante-sept minutes d’attente avec la même boucle de musique. La conseillère, aimable, m’a fait refaire exactement les mêmes manipulations, puis m’a proposé un technicien… dans douze jours. Douze jours sans internet, alors que je télétravaille trois jours par semaine et que je paie 49,99 € par mois.\n\nJ’ai regardé la seconde mi-temps chez les voisins. Je poste ici parce qu’on m’a dit que ça bouge plus vite quand c’est public. J’aimerais bien me tromper.',
    category: 'defect',
    channel: 'phone',
    waitMinutes: 47,
    country: 'FR',
    daysAgo: 44,
    thread: [
      {
        by: 'brand',
        body: 'Bonjour {name}, {agent} du service client Fibrelune. Toutes mes excuses pour ce samedi soir, c’est bien la pire soirée pour une panne. J’ai regardé votre ligne : la ligne est bonne, c’est la box qui est en cause. Je vous envoie une box neuve en express, vous l’aurez au plus tard lundi, inutile d’attendre le technicien. Je reviens vers vous ici dès qu’elle est livrée.',
        afterHours: 3,
        promiseInDays: 2,
      },
      {
        by: 'author',
        body: 'Box reçue lundi matin, branchée en dix minutes, tout remarche. Merci pour la rapidité. Dommage qu’il ait fallu passer par un message public.',
        afterHours: 40,
      },
      {
        by: 'brand',
        body: 'Merci pour votre retour, {name}. J’ai ajouté un avoir de 15 € sur votre prochaine facture pour les jours sans service. Pouvez-vous me confirmer que tout est réglé de votre côté ?',
        afterHours: 44,
        proposeResolution: true,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: true },
    promiseKept: true,
  },
  // 2. A micro-host that will not say when a domain will move; the promised Friday passes.
  {
    brandSlug: 'nuagerie',
    kind: 'fail',
    title:
      'Mon nom de domaine est bloqué chez Nuagerie depuis trois semaines et personne ne sait me dire quand il partira',
    story:
      'Je gère le site de notre association de randonnée. Nous changeons d’hébergeur, j’ai donc demandé le code de transfert de notre nom de domaine à Nuagerie le 3 du mois. Le code est arrivé, le nouveau bureau d’enregistrement a lancé la demande… et depuis, rien.\n\nJ’ai ouvert trois tickets. Réponse au premier au bout de six jours : « le transfert est en cours ». Les deux autres sont toujours « en attente de traitement ». Aucun numéro de téléphone, aucune date, et notre abonnement se termine à la fin du mois : si le domaine n’est pas parti d’ici là, le site et nos adresses e-mail tombent.\n\nJe ne demande pas de miracle, juste une date.',
    category: 'responsiveness',
    channel: 'webform',
    waitMinutes: null,
    country: 'FR',
    daysAgo: 72,
    thread: [
      {
        by: 'author',
        body: 'Quatrième ticket ouvert ce matin. Toujours « en attente de traitement ».',
        afterHours: 30,
      },
      {
        by: 'brand',
        body: 'Bonjour {name}. Le transfert est en cours de traitement. Les délais dépendent du registre, nous ne pouvons pas vous donner de date précise. Merci de votre patience.',
        afterHours: 96,
      },
      {
        by: 'author',
        body: 'Le nouveau bureau d’enregistrement me dit que c’est l’hébergeur sortant qui doit valider, pas le registre. Il reste neuf jours avant la fin de notre abonnement.',
        afterHours: 120,
      },
      {
        by: 'brand',
        body: 'Nous avons relancé la validation manuellement. Le transfert sera effectif d’ici vendredi.',
        afterHours: 190,
        promiseInDays: 3,
      },
      {
        by: 'author',
        body: 'Vendredi est passé, le domaine est toujours chez Nuagerie et le ticket n’a pas bougé. Notre site est hors ligne depuis hier.',
        afterHours: 300,
      },
    ],
    verdict: { resolved: false, wouldBuyAgain: false },
    promiseKept: false,
  },
  // 3. A laptop screen the retailer would not cover, until the legal warranty was quoted.
  {
    brandSlug: 'comptoir-vernier',
    kind: 'fail',
    title:
      'Une ligne de pixels sur mon portable de sept mois : Comptoir Vernier parle de « casse » et refuse la garantie',
    story:
      'J’ai acheté un ordinateur portable chez Comptoir Vernier en janvier, 899 €. En août, une ligne verticale de pixels roses est apparue au milieu de l’écran. Pas de choc, pas de chute, l’ordinateur n’a jamais quitté mon bureau.\n\nJe l’ai rapporté au magasin. Trois semaines plus tard, le SAV me rappelle : l’atelier a conclu à une « casse » de la dalle, non couverte, devis de 340 € pour la remplacer. Quand j’ai demandé à voir une photo de cette casse, on m’a répondu que ce n’était « pas la procédure ».\n\nJe connais mes droits : il y a deux ans de garantie légale de conformité, et c’est au vendeur de prouver que j’ai abîmé l’appareil, pas à moi de prouver le contraire.',
    category: 'defect',
    channel: 'store',
    waitMinutes: 25,
    country: 'FR',
    daysAgo: 96,
    thread: [
      {
        by: 'brand',
        body: 'Bonjour {name}, nous sommes désolés pour la gêne occasionnée. Afin que nos équipes puissent étudier votre demande, merci de nous transmettre votre numéro de dossier SAV en message privé.',
        afterHours: 30,
      },
      {
        by: 'author',
        body: 'Numéro de dossier envoyé en privé hier. Je rappelle que je demande l’application de la garantie légale de conformité, pas un geste commercial.',
        afterHours: 50,
      },
      {
        by: 'brand',
        body: '{name}, {agent} du service consommateurs. J’ai relu votre dossier : l’atelier n’a joint aucune photo ni aucun constat qui montre un choc, et sans cela rien ne justifie un refus. Je fais reprendre le dossier par notre SAV central, vous aurez une réponse écrite sous cinq jours.',
        afterHours: 190,
        promiseInDays: 5,
      },
      {
        by: 'brand',
        body: 'Comme promis, {name} : le remplacement de la dalle est pris en charge au titre de la garantie légale, sans frais. Votre ordinateur part chez le constructeur demain et vous sera rendu sous dix jours. Cela règle-t-il votre demande ?',
        afterHours: 260,
        proposeResolution: true,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: true },
    promiseKept: true,
  },
  // 4. A refund promised within five days, and kept.
  {
    brandSlug: 'colimarche',
    kind: 'fail',
    title: 'Colis marqué « livré » mais jamais reçu : Colimarché promet un remboursement sous cinq jours',
    story:
      'J’ai commandé une perceuse-visseuse à 129 € sur Colimarché, vendue et expédiée par Colimarché. Le suivi indique « livré en point relais » mardi. Au point relais, personne n’a jamais vu le colis, et le commerçant m’a montré son registre.\n\nLe chat m’a d’abord répondu qu’un colis livré ne pouvait pas être remboursé. J’ai insisté, on m’a dit d’attendre 48 heures « le temps de l’enquête ». Les 48 heures sont passées, le chat ne retrouve plus ma demande.\n\nJe ne veux pas une perceuse gratuite, je veux mon argent ou mon colis.',
    category: 'delivery',
    channel: 'chat',
    waitMinutes: 12,
    country: 'FR',
    daysAgo: 21,
    thread: [
      {
        by: 'brand',
        body: 'Bonjour {name}, ici {agent}. Vous avez raison, le point relais a confirmé ce matin qu’il n’a jamais reçu le colis : c’est au transporteur de nous rendre des comptes, pas à vous. Je lance le remboursement intégral aujourd’hui, vous le verrez sur votre compte sous cinq jours ouvrés.',
        afterHours: 4,
        promiseInDays: 6,
      },
      {
        by: 'brand',
        body: '{name}, le remboursement de 129 € a été émis ce matin sur votre carte. Pouvez-vous nous dire quand il apparaît, et si tout est en ordre pour vous ?',
        afterHours: 70,
        proposeResolution: true,
      },
      {
        by: 'author',
        body: 'Remboursement reçu sur mon compte, pile dans les délais. Merci, c’est exactement ce qu’on attend d’un service client.',
        afterHours: 96,
      },
    ],
    verdict: { resolved: true, wouldBuyAgain: true },
    promiseKept: true,
  },
  // 5. A catch-up bill on an estimate; a corrected bill promised in ten days that never comes.
  {
    brandSlug: 'clairvent-energie',
    kind: 'fail',
    title: 'Régularisation de 1 284 € calculée sur une estimation : Clairvent refuse mon relevé de compteur',
    story:
      'Depuis deux ans, Clairvent Énergie facture mon électricité sur des estimations, alors que mon compteur communicant transmet ses index tous les jours. En mars, facture de régularisation : 1 284 €, à payer sous quinze jours.\n\nJ’ai pris en photo mon compteur, envoyé l’index réel par l’espace client, par le chat et par courrier. L’index réel donne une régularisation d’environ 300 €. Chaque fois, la même réponse : « votre demande a bien été prise en compte ». La facture, elle, n’a pas changé, et je viens de recevoir une relance.\n\nJe veux bien payer ce que j’ai consommé. Pas ce qu’un logiciel a imaginé.',
    category: 'billing',
    channel: 'chat',
    waitMinutes: 35,
    country: 'FR',
    daysAgo: 62,
    thread: [
      {
        by: 'brand',
        body: 'Nous comprenons votre mécontentement et prenons chaque réclamation au sérieux. Pour des raisons de confidentialité, merci de contacter notre service client par les canaux officiels indiqués sur notre site.',
        afterHours: 120,
      },
      {
        by: 'author',
        body: 'C’est exactement ce que je fais depuis six semaines. Trois envois, trois accusés de réception, zéro correction.',
        afterHours: 200,
      },
      {
        by: 'brand',
        body: 'Bonjour {name}, {agent} de l’équipe réclamations. J’ai retrouvé vos trois envois. Je transmets l’index réel au service facturation : vous recevrez une facture rectifiée d’ici dix jours, et la relance est suspendue en attendant.',
        afterHours: 260,
        promiseInDays: 10,
      },
      {
        by: 'author',
        body: 'Quinze jours plus tard : pas de facture rectifiée, et une deuxième relance avec 40 € de pénalités de retard.',
        afterHours: 620,
      },
    ],
    verdict: null,
    promiseKept: false,
  },
  // 6. A small host's founder answers on a Sunday night.
  {
    brandSlug: 'nuagerie',
    kind: 'like',
    title:
      'Site de la boulangerie en panne un dimanche soir : le fondateur de Nuagerie m’a répondu en vingt minutes',
    story:
      'Dimanche, 22 h, le site de notre boulangerie affichait une page blanche. Lundi matin, c’était le jour des commandes de bûches pour Noël. J’ai ouvert un ticket en me disant que personne ne le lirait avant le mardi.\n\nVingt minutes plus tard, le fondateur de Nuagerie en personne m’a répondu. Une mise à jour automatique avait cassé une extension, il l’a désactivée, a remis le site en ligne et m’a expliqué en trois lignes, sans jargon, ce qui s’était passé.\n\nOn parle souvent des hébergeurs quand ça se passe mal. Là, ça s’est très bien passé.',
    category: 'responsiveness',
    channel: 'webform',
    waitMinutes: null,
    country: 'FR',
    daysAgo: 205,
    thread: [
      {
        by: 'brand',
        body: 'Merci pour ce message, {name} ! Bonnes fêtes à toute la boulangerie, et n’hésitez pas si la moindre chose cloche.',
        afterHours: 6,
      },
    ],
    verdict: null,
  },
  // 7. A stolen parcel sent again the same day, without suspicion.
  {
    brandSlug: 'colimarche',
    kind: 'like',
    title: 'Colis volé devant ma porte : Colimarché l’a renvoyé le jour même, sans soupçon ni interrogatoire',
    story:
      'Le livreur a laissé mon colis sur le palier alors que j’étais chez moi, et il a disparu dans l’heure. J’appréhendais l’appel : d’habitude, on vous fait comprendre que vous êtes sans doute en train d’arnaquer la boutique.\n\nLa conseillère du chat m’a fait confiance tout de suite. Elle a renvoyé la commande le jour même, m’a proposé la livraison en point relais pour la suite et a ouvert elle-même la réclamation auprès du transporteur. Le nouveau colis est arrivé le surlendemain.\n\nMerci à elle : un quart d’heure de chat, aucune suspicion, problème réglé.',
    category: 'delivery',
    channel: 'chat',
    waitMinutes: 3,
    country: 'FR',
    daysAgo: 132,
    thread: [
      {
        by: 'brand',
        body: 'Merci beaucoup pour ce retour, {name} ! Nous avons transmis votre message à l’équipe du chat, qui sera ravie de le lire.',
        afterHours: 20,
      },
    ],
    verdict: null,
  },
  // 8. A shop adviser who closed a late mother's line with humanity.
  {
    brandSlug: 'fibrelune',
    kind: 'like',
    title: 'Résilier la ligne de ma mère décédée : une conseillère Fibrelune d’une humanité rare',
    story:
      'Ma mère est décédée au printemps. Dans les semaines qui ont suivi, j’ai passé des heures au téléphone à fermer ses contrats, à renvoyer trois fois le même acte de décès, à recevoir des courriers de relance à son nom.\n\nÀ la boutique Fibrelune, la conseillère a commencé par me présenter ses condoléances, sincèrement. Elle a résilié la ligne sans frais devant moi, m’a expliqué ce qu’il fallait faire de la box et m’a laissé son numéro direct. Quand une dernière facture est arrivée, elle l’a annulée dans l’heure et a pris la peine de me rappeler pour me le dire.\n\nC’est étrange d’écrire un remerciement pour quelque chose d’aussi triste. Mais ce jour-là, c’est la seule démarche qui a été simple.',
    category: 'cancellation',
    channel: 'store',
    waitMinutes: 10,
    country: 'FR',
    daysAgo: 162,
    thread: [
      {
        by: 'brand',
        body: 'Toutes nos condoléances, {name}, et merci d’avoir pris le temps d’écrire ce message. Nous l’avons transmis à la boutique et à la conseillère.',
        afterHours: 30,
      },
    ],
    verdict: null,
  },
  // 9. Cut off for an unpaid bill that was paid, and nobody answers.
  {
    brandSlug: 'clairvent-energie',
    kind: 'fail',
    title:
      'Coupure pour impayé alors que la facture était réglée : trois jours sans chauffage et aucune réponse',
    story:
      'Lundi matin, un technicien est venu réduire puis couper notre électricité pour « impayé ». La facture en question a été prélevée le 5, j’ai le relevé bancaire sous les yeux.\n\nAu téléphone, on m’a dit que le paiement « n’était pas encore rapproché » et qu’il fallait compter 48 à 72 heures pour un rétablissement. Nous avons deux enfants en bas âge et il fait 4 °C dehors. Personne n’a voulu me passer un responsable.\n\nJ’ai envoyé la preuve de paiement par l’espace client, par le chat et par e-mail. Aucune réponse.',
    category: 'billing',
    channel: 'phone',
    waitMinutes: 58,
    country: 'FR',
    daysAgo: 40,
    thread: [
      {
        by: 'author',
        body: 'Courant rétabli ce matin par le gestionnaire du réseau, après trois jours. Toujours aucune réponse de Clairvent, ni excuse, ni explication, et les frais de rétablissement figurent sur la facture.',
        afterHours: 80,
      },
    ],
    verdict: null,
  },
];

// ---------------------------------------------------------------------------
// Story templates for the generator
// ---------------------------------------------------------------------------

export const FRENCH_STORY_TEMPLATES: StoryTemplate[] = [
  // ----- likes -----
  {
    kind: 'like',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'phone',
    title: 'Décroché en {minutes} minutes chez {brand}, et mon problème de {product} réglé en un seul appel',
    story:
      'Je repoussais l’appel à {brand} au sujet de mon {product} : je m’attendais à y passer l’après-midi. J’ai eu quelqu’un en {minutes} minutes.\n\nLe conseiller a écouté toute mon histoire, m’a posé deux questions précises et a corrigé le problème pendant que j’étais en ligne. Il m’a ensuite envoyé un récapitulatif par e-mail avant de raccrocher.\n\nPas de transfert, pas de « ce n’est pas mon service », pas de rappel qui ne vient jamais. C’est tout ce qu’on demande.',
    waitMinutes: [2, 9],
  },
  {
    kind: 'like',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'chat',
    title: 'Une vraie personne sur le chat {brand} au bout de {minutes} minutes, et une vraie réponse',
    story:
      'J’ai ouvert le chat {brand} au sujet de mon {product} en m’attendant à batailler avec un robot. Au bout de {minutes} minutes, une conseillère s’est présentée par son prénom et avait déjà lu ce que j’avais écrit.\n\nPas de copier-coller d’un article d’aide : elle a regardé mon compte, trouvé la cause et corrigé. Un quart d’heure en tout. Bravo.',
    waitMinutes: [1, 6],
  },
  {
    kind: 'like',
    sectors: ['ecommerce', 'retail'],
    category: 'delivery',
    channel: 'other',
    title: 'Le livreur {brand} qui a monté ma commande au cinquième sans ascenseur',
    story:
      'Le bon de livraison disait « livraison au pied de l’immeuble ». Le livreur {brand} a regardé l’escalier, puis moi, et a monté le carton jusqu’au cinquième étage. Il est même reparti avec les emballages.\n\nMerci à lui, qui qu’il soit. Il a illuminé ma semaine.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['retail', 'telecom'],
    category: 'attitude',
    channel: 'store',
    title: 'En magasin {brand} : un vendeur qui m’a déconseillé le modèle le plus cher',
    story:
      'Je venais pour un {product} et j’avais repéré le modèle haut de gamme. Le vendeur m’a demandé ce que j’allais en faire, puis m’a conseillé un modèle deux fois moins cher, « largement suffisant pour votre usage ».\n\nIl avait raison. Je reviendrai chez {brand} pour cette seule raison : on m’a vendu ce dont j’avais besoin.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['telecom', 'energy', 'hosting'],
    category: 'billing',
    channel: 'email',
    title: '{brand} a repéré une erreur de facturation avant moi et m’a remboursé',
    story:
      'J’ai reçu un e-mail de {brand} : une erreur sur mon {product} m’avait fait payer deux fois le même mois. Ils s’en étaient rendu compte avant moi, le remboursement était déjà parti.\n\nJe n’aurais sans doute jamais remarqué. C’est le genre d’honnêteté qui donne envie de rester client.',
    waitMinutes: null,
  },
  {
    kind: 'like',
    sectors: ['hosting', 'telecom', 'energy'],
    category: 'responsiveness',
    channel: 'webform',
    title: 'Ticket ouvert le matin chez {brand}, problème résolu à midi',
    story:
      'J’ai ouvert un ticket au sujet de mon {product} un mardi matin. Une personne qui signait de son prénom m’a répondu avant midi, avec la vraie réponse et pas un lien vers la FAQ, et tout fonctionnait dans l’après-midi.\n\nRien de spectaculaire à raconter, et c’est justement ça qui est bien.',
    waitMinutes: null,
  },
  // ----- fails -----
  {
    kind: 'fail',
    sectors: 'any',
    category: 'responsiveness',
    channel: 'phone',
    title: '{minutes} minutes d’attente chez {brand}, puis la ligne qui coupe',
    story:
      'J’ai appelé {brand} pour mon {product}. Après {minutes} minutes de musique d’attente et trois messages « votre appel est important pour nous », quelqu’un a décroché… et la ligne a coupé au moment où j’expliquais mon problème.\n\nPersonne ne m’a rappelé. J’ai recommencé le lendemain, et j’ai dû tout réexpliquer depuis le début à quelqu’un qui n’avait aucune trace de mon premier appel.',
    waitMinutes: [35, 95],
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'energy', 'hosting'],
    category: 'billing',
    channel: 'email',
    title: 'Double prélèvement de {brand} sur mon {product}, remboursement « en cours » depuis {days} jours',
    story:
      'Le même mois de mon {product} a été prélevé deux fois. J’ai écrit à {brand} avec les deux lignes du relevé bancaire. Réponse automatique, puis un message d’une conseillère : « le remboursement est en cours ».\n\nCela fait {days} jours. Chaque relance me vaut le même message, mot pour mot. J’aimerais juste savoir quand je reverrai mon argent.',
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['telecom', 'energy', 'hosting'],
    category: 'cancellation',
    channel: 'mail',
    title: 'Résiliation envoyée en recommandé, et {brand} continue de prélever',
    story:
      'J’ai résilié mon {product} chez {brand} par lettre recommandée avec accusé de réception, comme le demandent les conditions générales. L’accusé de réception est revenu signé.\n\nDeux mois plus tard, les prélèvements continuent. Au téléphone, on me dit qu’aucune demande n’a été enregistrée et qu’il faut « faire la démarche en ligne ». J’ai la preuve que la démarche a été faite.',
    waitMinutes: null,
  },
  {
    kind: 'fail',
    sectors: ['ecommerce', 'retail'],
    category: 'delivery',
    channel: 'chat',
    title: 'Mon {product} commandé chez {brand} devait arriver en 48 h : {days} jours plus tard, rien',
    story:
      'Livraison « garantie en 48 h » pour mon {product}. Le suivi est bloqué sur « colis pris en charge » depuis {days} jours. Le chat me répond qu’il faut attendre la fin de l’enquête transporteur, qui dure jusqu’à quinze jours.\n\nJ’ai payé la livraison express. Je n’ai ni le colis, ni l’argent, ni une date.',
    waitMinutes: [5, 25],
  },
  {
    kind: 'fail',
    sectors: ['retail'],
    category: 'defect',
    channel: 'store',
    title: 'Mon {product} en panne au bout de trois mois : {brand} m’envoie vers le fabricant',
    story:
      'Mon {product} acheté chez {brand} ne s’allume plus après trois mois. En magasin, on m’a expliqué que la garantie « c’est le fabricant », et qu’il fallait que je l’envoie moi-même, à mes frais.\n\nLa garantie légale de conformité, c’est pourtant le vendeur. Quand je l’ai dit, on m’a répondu que « ce n’est pas comme ça que ça marche ici ».',
    waitMinutes: [10, 30],
  },
  {
    kind: 'fail',
    sectors: ['telecom'],
    category: 'defect',
    channel: 'phone',
    title: 'Coupures tous les soirs depuis {days} jours, et {brand} me fait redémarrer ma box à chaque appel',
    story:
      'Depuis {days} jours, mon {product} coupe tous les soirs entre 20 h et 23 h. J’ai appelé {brand} cinq fois. À chaque fois : « débranchez, attendez trente secondes, rebranchez ». À chaque fois, ça ne change rien.\n\nJ’ai noté les heures de coupure dans un tableau, que personne ne veut regarder. Je voudrais qu’on m’envoie un technicien, pas un script.',
    waitMinutes: [25, 70],
  },
  {
    kind: 'fail',
    sectors: ['energy', 'telecom'],
    category: 'billing',
    channel: 'chat',
    title: 'Mensualités de {brand} doublées sans prévenir',
    story:
      'Mes mensualités chez {brand} sont passées du simple au double d’un mois à l’autre, sans courrier ni e-mail. Sur le chat, on m’explique que c’est « un ajustement automatique » et qu’on ne peut pas le modifier.\n\nJe n’ai pas changé mes habitudes, mon logement n’a pas changé. J’aimerais au moins comprendre le calcul.',
    waitMinutes: [8, 30],
  },
  {
    kind: 'fail',
    sectors: 'any',
    category: 'attitude',
    channel: 'phone',
    title: 'Le conseiller {brand} m’a raccroché au nez quand j’ai demandé un responsable',
    story:
      'Après {minutes} minutes d’attente au sujet de mon {product}, j’ai expliqué poliment que c’était mon quatrième appel pour le même problème et j’ai demandé à parler à un responsable.\n\nLe conseiller a soupiré, a dit « ce n’est pas possible » et a raccroché. Je n’ai jamais haussé le ton.',
    waitMinutes: [20, 60],
  },
];

// ---------------------------------------------------------------------------
// Generator parts
// ---------------------------------------------------------------------------

export const FRENCH_PRODUCTS_BY_SECTOR: Partial<Record<Sector, string[]>> = {
  telecom: ['abonnement fibre', 'forfait mobile', 'décodeur TV', 'abonnement internet', 'répéteur wifi'],
  ecommerce: ['aspirateur robot', 'colis de vêtements', 'casque audio', 'robot cuiseur', 'lot de pneus'],
  energy: [
    'contrat d’électricité',
    'contrat de gaz',
    'contrat heures creuses',
    'contrat électricité et gaz',
    'abonnement à prix fixe',
  ],
  hosting: ['hébergement web', 'nom de domaine', 'serveur virtuel', 'abonnement de messagerie'],
  retail: ['lave-linge', 'ordinateur portable', 'téléviseur', 'réfrigérateur', 'smartphone'],
};

export const FRENCH_PERSONAL_BRAND_REPLIES: string[] = [
  'Bonjour {name}, {agent} de chez {brand}. Toutes mes excuses pour tout ça, et surtout pour avoir dû tout réexpliquer. Je prends votre dossier moi-même à partir de maintenant et je vous tiens au courant ici.',
  '{name}, je viens de lire votre message en entier. Vous avez raison sur le fond : ce n’est pas normal. J’ai retrouvé votre dossier et je m’en occupe personnellement.',
  'Bonjour {name}, ici {agent}. Merci pour le détail de votre message, ça m’a fait gagner beaucoup de temps. J’ai lancé une vérification avec l’équipe technique et je reviens vers vous dès que j’ai leur réponse.',
  'Bonjour {name}, {agent} du service client. Je prends le relais de ma collègue, qui est absente cette semaine. J’ai tout relu, vous n’aurez rien à répéter.',
  '{name}, je regrette sincèrement ce que vous avez vécu au téléphone. J’ai transmis votre témoignage au responsable de l’équipe, et je m’occupe maintenant de régler le fond du problème.',
  'Bonjour {name}. Je comprends votre agacement, et il est légitime. Je viens de bloquer toute relance sur votre compte le temps de régler ce dossier. {agent}',
];

export const FRENCH_CANNED_BRAND_REPLIES: string[] = [
  'Nous sommes désolés pour la gêne occasionnée. Merci de nous transmettre votre numéro client en message privé afin que nos équipes puissent étudier votre demande.',
  'Merci d’avoir contacté {brand}. Votre demande a été transmise au service compétent, qui reviendra vers vous dans les meilleurs délais.',
  'Nous comprenons votre mécontentement et prenons chaque réclamation au sérieux. Pour des raisons de confidentialité, merci de contacter notre service client par les canaux officiels indiqués sur notre site.',
];

export const FRENCH_THANK_YOU_REPLIES: string[] = [
  'Bonjour {name}, merci beaucoup pour ce message ! Nous l’avons transmis à toute l’équipe.',
  'Merci {name}, ça fait plaisir à lire. Nous transmettons à la personne concernée. {agent}',
  'Un grand merci pour ce retour, {name}. C’est ce genre de message qui nous dit ce qu’il faut continuer à faire.',
  'Merci d’avoir pris le temps d’écrire, {name}. Nous le lirons à la réunion d’équipe de lundi !',
  'Bonjour {name}, nous sommes ravis que tout se soit bien passé. À bientôt chez {brand} !',
  'Merci pour votre confiance, {name}. {agent}, pour toute l’équipe {brand}',
];

/** The author chasing the brand: they fit before an answer, and when nothing was fixed. */
export const FRENCH_CHASING_FOLLOW_UPS: string[] = [
  'Toujours aucun rappel après la date promise.',
  'Deux semaines plus tard, j’attends toujours l’e-mail promis.',
  'J’ai envoyé mes coordonnées en message privé comme demandé. Pas de réponse pour l’instant.',
  'Un autre conseiller a appelé aujourd’hui et m’a demandé de tout réexpliquer depuis le début.',
  'La date promise est passée. Personne ne m’a contacté.',
  'On me dit que mon dossier est « en cours de traitement ». Il l’est depuis trois semaines.',
  'Toujours rien. J’ai reçu un questionnaire de satisfaction sur la résolution de mon dossier, qui n’a jamais été résolu.',
  'Encore un prélèvement ce mois-ci. J’ai ouvert une contestation auprès de ma banque.',
];

export const FRENCH_RESOLUTION_PROPOSALS: string[] = [
  'Bonjour {name}, le remboursement intégral a été émis aujourd’hui. Pouvez-vous nous confirmer que cela règle votre dossier ?',
  '{name}, le technicien a clôturé l’intervention et la ligne est stable depuis hier de notre côté. Tout fonctionne pour vous ?',
  'Nous avons ajouté un mois d’abonnement offert sur votre compte en guise d’excuse, et le problème est corrigé. Pouvons-nous considérer le dossier comme réglé ?',
  'La facture rectifiée est disponible dans votre espace client, et le trop-perçu vous sera reversé sous cinq jours. Est-ce que cela vous convient ?',
  'Votre contrat a été résilié sans frais, à la date de votre demande initiale. Dites-nous s’il reste quoi que ce soit en suspens.',
  'Bonjour {name}, le transporteur indique que le colis de remplacement est livré. Si tout est en ordre, pouvez-vous indiquer que le dossier est résolu ?',
  'Nous avons annulé les frais contestés et les pénalités de retard. Reste-t-il quelque chose à corriger avant de clore ce dossier ?',
  '{agent} à nouveau, {name} : la réparation est terminée et l’appareil vous est renvoyé avec six mois de garantie supplémentaires. Cela règle-t-il votre demande ?',
];

export const FRENCH_ESCALATION_TEAMS: string[] = [
  'Équipe technique',
  'Service facturation',
  'Service réclamations',
  'Techniciens terrain',
];

export const FRENCH_FIRST_NAMES: string[] = [
  'Camille',
  'Julien',
  'Nathalie',
  'Karim',
  'Sophie',
  'Thomas',
  'Aurélie',
  'Mathieu',
  'Inès',
  'Laurent',
  'Chloé',
  'Yannick',
  'Élodie',
  'Nicolas',
  'Fatima',
  'Guillaume',
  'Margaux',
  'Sébastien',
  'Léa',
  'Olivier',
  'Amandine',
  'Hugo',
  'Sandrine',
  'Mehdi',
];
