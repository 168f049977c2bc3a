"""Generate the Coopmap demo dataset: about 300 fictional UK co-operatives, written to organisations.csv.

Every organisation and description below is hand-written and fictional; the anchors are real neighbourhood
points. The script only adds seeded jitter, registration numbers, dates, postcodes and contact details.
Run it to rewrite the CSV identically.
"""

from __future__ import annotations

import csv
import itertools
import math
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeAlias

SEED = 20261122
OUTPUT = Path(__file__).with_name("organisations.csv")
LATEST = date(2025, 10, 31)
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

HEADER = (
    "demo_id",
    "kind",
    "name",
    "other_names",
    "legal_form",
    "fca_number",
    "companies_house_number",
    "organisational_structure",
    "ownership_type",
    "membership_type",
    "sector",
    "sic_code",
    "sic_section",
    "activities",
    "description",
    "goods_services",
    "website",
    "phone",
    "email",
    "email_consent",
    "street_address",
    "locality",
    "region",
    "postcode",
    "nation",
    "latitude",
    "longitude",
    "status",
    "incorporated_on",
    "dissolved_on",
)


@dataclass(frozen=True)
class Town:
    """A town: its region, nation, phone drama range and whether companies register in Scotland."""

    region: str
    nation: str
    phone: str
    scottish: bool = False


TOWNS: dict[str, Town] = {
    "ox": Town("Oxfordshire", "England", "01632 960{:03d}"),
    "mcr": Town("Greater Manchester", "England", "0161 496 0{:03d}"),
    "pr": Town("Lancashire", "England", "01632 960{:03d}"),
    "tq": Town("Devon", "England", "01632 960{:03d}"),
    "sg": Town("Hertfordshire", "England", "01632 960{:03d}"),
    "bs": Town("City of Bristol", "England", "0117 496 0{:03d}"),
    "gl": Town("Glasgow City", "Scotland", "0141 496 0{:03d}", scottish=True),
    "cf": Town("Cardiff", "Wales", "029 2018 0{:03d}"),
}


@dataclass(frozen=True)
class Anchor:
    """A neighbourhood point on land, the postcode sectors around it and some of its streets."""

    lat: float
    lon: float
    radius_m: int
    locality: str
    sectors: tuple[str, ...]
    streets: tuple[str, ...]
    estate: str = ""


# The data tables are laid out by hand (one organisation or anchor per block), so the formatter skips them.
# fmt: off
ANCHORS: dict[str, Anchor] = {
    # Oxford
    "ox-centre": Anchor(
        51.7520, -1.2578, 300, "Oxford", ("OX1 1", "OX1 2", "OX1 3", "OX1 4"),
        ("High Street", "St Aldate's", "George Street", "New Inn Hall Street", "Turl Street", "Queen Street",
         "Market Street", "Gloucester Green"),
    ),
    "ox-stebbes": Anchor(
        51.7484, -1.2596, 200, "Oxford", ("OX1 1",),
        ("Speedwell Street", "Thames Street", "Paradise Street", "Littlegate Street"),
    ),
    "ox-jericho": Anchor(
        51.7595, -1.2660, 300, "Oxford", ("OX2 6",),
        ("Walton Street", "Great Clarendon Street", "Cranham Street", "Jericho Street", "Kingston Road",
         "Observatory Street"),
    ),
    "ox-summertown": Anchor(
        51.7765, -1.2645, 300, "Oxford", ("OX2 7",),
        ("Banbury Road", "South Parade", "Middle Way", "Grove Street"),
    ),
    "ox-west": Anchor(
        51.7515, -1.2760, 200, "Oxford", ("OX2 0",),
        ("Botley Road", "Mill Street", "Abbey Road", "Ferry Hinksey Road"), "Osney Mead",
    ),
    "ox-eastox": Anchor(
        51.7482, -1.2386, 350, "Oxford", ("OX4 1",),
        ("Cowley Road", "Magdalen Road", "Stockmore Street", "Hurst Street", "Howard Street", "Union Street",
         "James Street", "Leopold Street", "Bullingdon Road", "Princes Street", "Divinity Road",
         "Manzil Way", "Temple Street"),
    ),
    "ox-stclements": Anchor(
        51.7518, -1.2425, 200, "Oxford", ("OX4 1",),
        ("St Clement's Street", "Cave Street", "Alma Place", "Boulter Street"),
    ),
    "ox-iffley": Anchor(
        51.7420, -1.2410, 250, "Oxford", ("OX4 1", "OX4 4"),
        ("Iffley Road", "Jackdaw Lane", "Fairacres Road", "Chester Street"),
    ),
    "ox-cowley": Anchor(
        51.7325, -1.2135, 350, "Oxford", ("OX4 3", "OX4 2"),
        ("Between Towns Road", "Hollow Way", "Oxford Road", "Crowell Road", "Garsington Road"),
    ),
    "ox-leys": Anchor(
        51.7160, -1.2080, 350, "Oxford", ("OX4 6",),
        ("Blackbird Leys Road", "Pegasus Road", "Knights Road", "Cuddesdon Way", "Balfour Road",
         "Windale Avenue"),
    ),
    "ox-rosehill": Anchor(
        51.7300, -1.2325, 250, "Oxford", ("OX4 4",),
        ("Ashhurst Way", "The Oval", "Courtland Road", "Rose Hill"),
    ),
    "ox-headington": Anchor(
        51.7605, -1.2135, 350, "Oxford", ("OX3 7", "OX3 9"),
        ("London Road", "Old High Street", "Windmill Road", "Osler Road", "Lime Walk", "Kennett Road",
         "Holyoake Road"),
    ),
    "ox-marston": Anchor(
        51.7660, -1.2400, 300, "Oxford", ("OX3 0",),
        ("Marston Road", "Old Marston Road", "Cherwell Drive", "Edgeway Road"),
    ),
    "ox-barton": Anchor(
        51.7716, -1.1978, 250, "Oxford", ("OX3 9",),
        ("Underhill Circus", "Fettiplace Road", "Bayswater Road", "Stowford Road"),
    ),
    "ox-littlemore": Anchor(
        51.7225, -1.2260, 300, "Oxford", ("OX4 4",),
        ("Sandford Road", "Railway Lane", "Oxford Road", "Cavell Road"),
    ),
    "ox-grandpont": Anchor(
        51.7410, -1.2575, 150, "Oxford", ("OX1 4",),
        ("Abingdon Road", "Marlborough Road", "Whitehouse Road", "Newton Road"),
    ),
    # Manchester
    "mcr-centre": Anchor(
        53.4785, -2.2400, 300, "Manchester", ("M1 3", "M1 5", "M1 7"),
        ("Princess Street", "Whitworth Street", "Portland Street", "Sackville Street", "Chorlton Street",
         "Granby Row"),
    ),
    "mcr-nq": Anchor(
        53.4838, -2.2345, 250, "Manchester", ("M1 1", "M4 1"),
        ("Oldham Street", "Thomas Street", "Tib Street", "Hilton Street", "Stevenson Square", "Dale Street",
         "Edge Street"),
    ),
    "mcr-ancoats": Anchor(
        53.4855, -2.2265, 300, "Manchester", ("M4 5", "M4 6"),
        ("Blossom Street", "Jersey Street", "Bengal Street", "Murray Street", "Redhill Street",
         "George Leigh Street"),
    ),
    "mcr-hulme": Anchor(
        53.4665, -2.2505, 350, "Manchester", ("M15 5", "M15 6"),
        ("Stretford Road", "Hulme High Street", "Royce Road", "Rolls Crescent", "Boundary Lane"),
    ),
    "mcr-oxrd": Anchor(
        53.4655, -2.2330, 300, "Manchester", ("M13 9",),
        ("Oxford Road", "Grosvenor Street", "Hathersage Road", "Upper Brook Street"),
    ),
    "mcr-longsight": Anchor(
        53.4595, -2.2005, 300, "Manchester", ("M13 0", "M12 4"),
        ("Stockport Road", "Dickenson Road", "Northmoor Road", "Beresford Road"),
    ),
    "mcr-rusholme": Anchor(
        53.4560, -2.2255, 300, "Manchester", ("M14 5",),
        ("Wilmslow Road", "Platt Lane", "Claremont Road", "Great Western Street"),
    ),
    "mcr-fallowfield": Anchor(
        53.4430, -2.2195, 300, "Manchester", ("M14 6", "M14 7"),
        ("Wilmslow Road", "Ladybarn Lane", "Mauldeth Road", "Landcross Road", "Moseley Road"),
    ),
    "mcr-levenshulme": Anchor(
        53.4445, -2.1925, 300, "Manchester", ("M19 3", "M19 2"),
        ("Stockport Road", "Albert Road", "Chapel Street", "Cromwell Grove", "Barlow Road"),
    ),
    "mcr-didsbury": Anchor(
        53.4165, -2.2310, 300, "Manchester", ("M20 2", "M20 6"),
        ("Wilmslow Road", "School Lane", "Barlow Moor Road", "Lapwing Lane", "Burton Road"),
    ),
    "mcr-withington": Anchor(
        53.4335, -2.2290, 300, "Manchester", ("M20 3", "M20 4"),
        ("Wilmslow Road", "Copson Street", "Mauldeth Road West", "Burton Road"),
    ),
    "mcr-chorlton": Anchor(
        53.4420, -2.2770, 350, "Manchester", ("M21 9", "M21 0", "M21 7"),
        ("Barlow Moor Road", "Beech Road", "Wilbraham Road", "Manchester Road", "Keppel Road"),
    ),
    "mcr-whalley": Anchor(
        53.4520, -2.2555, 300, "Manchester", ("M16 8",),
        ("Withington Road", "Alexandra Road South", "Upper Chorlton Road", "Wood Road", "College Road"),
    ),
    "mcr-mossside": Anchor(
        53.4580, -2.2400, 300, "Manchester", ("M14 4", "M16 7"),
        ("Moss Lane East", "Princess Road", "Claremont Road", "Great Western Street"),
    ),
    "mcr-ardwick": Anchor(
        53.4705, -2.2150, 250, "Manchester", ("M12 6",),
        ("Hyde Road", "Ardwick Green North", "Devonshire Street", "Higher Ardwick"),
    ),
    "mcr-cheetham": Anchor(
        53.4990, -2.2380, 300, "Manchester", ("M8 8", "M8 9"),
        ("Cheetham Hill Road", "Derby Street", "Elizabeth Street", "Waterloo Road"),
    ),
    "mcr-gorton": Anchor(
        53.4660, -2.1720, 300, "Manchester", ("M18 8",),
        ("Hyde Road", "Gorton Lane", "Wellington Street", "Far Lane"),
    ),
    "mcr-miles": Anchor(
        53.4920, -2.2120, 250, "Manchester", ("M40 7",),
        ("Oldham Road", "Varley Street", "Hulme Hall Lane", "Butler Street"),
    ),
    # Preston
    "pr-centre": Anchor(
        53.7590, -2.7000, 300, "Preston", ("PR1 1", "PR1 2", "PR1 3"),
        ("Fishergate", "Friargate", "Church Street", "Lancaster Road", "Lune Street", "Guildhall Street",
         "Cannon Street", "Fox Street", "Winckley Square"),
    ),
    "pr-avenham": Anchor(
        53.7552, -2.6950, 250, "Preston", ("PR1 3",),
        ("Avenham Lane", "Avenham Road", "Frenchwood Street", "Knowsley Street"),
    ),
    "pr-deepdale": Anchor(
        53.7700, -2.6880, 300, "Preston", ("PR1 6",),
        ("Deepdale Road", "St Gregory Road", "Skeffington Road", "Deepdale Mill Street"),
    ),
    "pr-plungington": Anchor(
        53.7710, -2.7090, 300, "Preston", ("PR1 7",),
        ("Plungington Road", "Brook Street", "Moor Park Avenue", "Lytham Road"),
    ),
    "pr-maudland": Anchor(
        53.7640, -2.7110, 250, "Preston", ("PR1 2",),
        ("Marsh Lane", "Corporation Street", "Adelphi Street", "Fylde Road", "Maudland Bank"),
    ),
    "pr-ashton": Anchor(
        53.7640, -2.7300, 300, "Preston", ("PR2 1", "PR2 2"),
        ("Blackpool Road", "Tulketh Road", "Wellington Road", "Newton Road"),
    ),
    "pr-fulwood": Anchor(
        53.7860, -2.7000, 350, "Preston", ("PR2 8", "PR2 9"),
        ("Watling Street Road", "Garstang Road", "Black Bull Lane", "Highgate Avenue"),
    ),
    "pr-ribbleton": Anchor(
        53.7700, -2.6650, 300, "Preston", ("PR1 5", "PR2 6"),
        ("Ribbleton Lane", "Ribbleton Avenue", "Gamull Lane", "Miller Road"),
    ),
    "pr-fishwick": Anchor(
        53.7570, -2.6800, 250, "Preston", ("PR1 4", "PR1 5"),
        ("New Hall Lane", "London Road", "Fishwick Parade", "Acregate Lane"),
    ),
    # Torbay: anchors sit inland of the harbours and seafronts, with small radii.
    "tq-torquay": Anchor(
        50.4665, -3.5310, 250, "Torquay", ("TQ1 3", "TQ2 5"),
        ("Union Street", "Market Street", "Abbey Road", "Castle Road", "Lucius Street", "Tor Hill Road"),
    ),
    "tq-upton": Anchor(
        50.4705, -3.5370, 250, "Torquay", ("TQ1 4",),
        ("Upton Road", "Lymington Road", "Higher Union Lane", "Ellacombe Road"),
    ),
    "tq-plainmoor": Anchor(
        50.4765, -3.5260, 250, "Torquay", ("TQ1 3",),
        ("St Marychurch Road", "Warbro Road", "Marnham Road", "Plainmoor Road"),
    ),
    "tq-stmarychurch": Anchor(
        50.4850, -3.5280, 250, "Torquay", ("TQ1 4",),
        ("Fore Street", "Petitor Road", "Manor Road", "Priory Road"),
    ),
    "tq-torre": Anchor(
        50.4705, -3.5440, 250, "Torquay", ("TQ2 5",),
        ("Newton Road", "Teignmouth Road", "St Michael's Road", "Upton Hill"),
    ),
    "tq-hele": Anchor(
        50.4835, -3.5425, 300, "Torquay", ("TQ2 7",),
        ("Hele Road", "Barton Road", "Cricketfield Road", "Happaway Road"),
    ),
    "tq-shiphay": Anchor(
        50.4770, -3.5600, 300, "Torquay", ("TQ2 7",),
        ("Shiphay Lane", "Cadewell Lane", "Shiphay Avenue Drive", "Kingsland Gardens"),
    ),
    "tq-paignton": Anchor(
        50.4350, -3.5720, 250, "Paignton", ("TQ3 3", "TQ4 5"),
        ("Winner Street", "Palace Avenue", "Hyde Road", "Victoria Street", "Church Street", "Totnes Road"),
    ),
    "tq-preston": Anchor(
        50.4470, -3.5700, 250, "Paignton", ("TQ3 2",),
        ("Torquay Road", "Marldon Road", "Fernicombe Road", "Barnhill Road"),
    ),
    "tq-yalberton": Anchor(
        50.4205, -3.5860, 300, "Paignton", ("TQ4 7",),
        ("Yalberton Road", "Long Road", "Brixham Road"), "Yalberton Industrial Estate",
    ),
    "tq-brixham": Anchor(
        50.3910, -3.5185, 200, "Brixham", ("TQ5 9", "TQ5 8"),
        ("Bolton Street", "New Road", "Cavern Road", "Drew Street"),
    ),
    "tq-brixham-higher": Anchor(
        50.3870, -3.5250, 250, "Brixham", ("TQ5 8", "TQ5 9"),
        ("Milton Street", "Summer Lane", "Rea Barn Road", "Kennedy Way"),
    ),
    # Stevenage
    "sg-centre": Anchor(
        51.9025, -0.2030, 300, "Stevenage", ("SG1 1",),
        ("Town Square", "Queensway", "Park Place", "Danestrete", "Southgate", "St George's Way"),
    ),
    "sg-oldtown": Anchor(
        51.9140, -0.2055, 300, "Stevenage", ("SG1 3",),
        ("High Street", "Church Lane", "Middle Row", "Letchmore Road", "Walkern Road", "Basils Road",
         "Orchard Road"),
    ),
    "sg-bedwell": Anchor(
        51.9065, -0.1930, 300, "Stevenage", ("SG1 1",),
        ("Bedwell Crescent", "Hertford Road", "Sish Lane"),
    ),
    "sg-shephall": Anchor(
        51.8920, -0.1875, 300, "Stevenage", ("SG2 9",),
        ("Shephall Green", "Shephall Way", "The Hyde", "Hydean Way", "Broadhall Way"),
    ),
    "sg-broadwater": Anchor(
        51.8935, -0.2000, 300, "Stevenage", ("SG2 8",),
        ("Broadwater Crescent", "Marymead Drive", "Broadhall Way"),
    ),
    "sg-chells": Anchor(
        51.9115, -0.1760, 300, "Stevenage", ("SG2 7",),
        ("Chells Way", "Canterbury Way", "Oaks Cross"),
    ),
    "sg-pingreen": Anchor(
        51.9230, -0.1830, 300, "Stevenage", ("SG1 4",),
        ("Wedgwood Way", "Mobbsbury Way", "Fairview Road"), "Pin Green Industrial Area",
    ),
    "sg-gunnels": Anchor(
        51.9040, -0.2190, 300, "Stevenage", ("SG1 2",),
        ("Gunnels Wood Road", "Caxton Way", "Babbage Road"),
    ),
    # Bristol
    "bs-stokes": Anchor(
        51.4635, -2.5895, 250, "Bristol", ("BS1 3", "BS2 8"),
        ("Stokes Croft", "Jamaica Street", "Hepburn Road", "Brunswick Square"),
    ),
    "bs-montpelier": Anchor(
        51.4690, -2.5875, 250, "Bristol", ("BS6 5",),
        ("Picton Street", "Ashley Road", "Richmond Road", "Cheltenham Road"),
    ),
    "bs-easton": Anchor(
        51.4650, -2.5640, 300, "Bristol", ("BS5 6", "BS5 0"),
        ("St Marks Road", "Stapleton Road", "Robertson Road", "Chelsea Road", "Belle Vue Road"),
    ),
    "bs-oldmarket": Anchor(
        51.4560, -2.5790, 200, "Bristol", ("BS2 0",),
        ("West Street", "Old Market Street", "Midland Road", "Trinity Road"),
    ),
    "bs-bedminster": Anchor(
        51.4412, -2.5960, 200, "Bristol", ("BS3 4",),
        ("East Street", "Cannon Street", "British Road", "Dean Lane"),
    ),
    "bs-southville": Anchor(
        51.4410, -2.6060, 250, "Bristol", ("BS3 1",),
        ("North Street", "Raleigh Road", "Greville Road", "Stackpool Road"),
    ),
    "bs-totterdown": Anchor(
        51.4395, -2.5780, 250, "Bristol", ("BS4 2",),
        ("Wells Road", "Cemetery Road", "Winton Street", "Firfield Street"),
    ),
    "bs-bishopston": Anchor(
        51.4775, -2.5905, 250, "Bristol", ("BS7 8",),
        ("Gloucester Road", "Berkeley Road", "Sommerville Road"),
    ),
    # Glasgow
    "gl-merchant": Anchor(
        55.8585, -4.2450, 250, "Glasgow", ("G1 1",),
        ("Candleriggs", "Albion Street", "Ingram Street", "Trongate", "Bell Street"),
    ),
    "gl-calton": Anchor(
        55.8545, -4.2320, 250, "Glasgow", ("G40 2", "G1 5"),
        ("Gallowgate", "London Road", "Bain Street", "Moncur Street"),
    ),
    "gl-finnieston": Anchor(
        55.8655, -4.2830, 250, "Glasgow", ("G3 8",),
        ("Argyle Street", "Kelvinhaugh Street", "Derby Street", "Old Dumbarton Road"),
    ),
    "gl-partick": Anchor(
        55.8705, -4.3050, 250, "Glasgow", ("G11 6", "G11 5"),
        ("Dumbarton Road", "Byres Road", "Crow Road", "Peel Street"),
    ),
    "gl-woodlands": Anchor(
        55.8700, -4.2730, 200, "Glasgow", ("G3 6",),
        ("Woodlands Road", "Ashley Street", "West Princes Street"),
    ),
    "gl-govanhill": Anchor(
        55.8370, -4.2580, 300, "Glasgow", ("G42 7", "G42 8"),
        ("Allison Street", "Victoria Road", "Cathcart Road", "Calder Street", "Westmoreland Street"),
    ),
    "gl-pollokshields": Anchor(
        55.8420, -4.2750, 300, "Glasgow", ("G41 2", "G41 4"),
        ("Albert Drive", "Nithsdale Road", "Maxwell Road", "Kenmure Street"),
    ),
    "gl-maryhill": Anchor(
        55.8830, -4.2830, 250, "Glasgow", ("G20 7",),
        ("Maryhill Road", "Garrioch Road", "Queen Margaret Drive"),
    ),
    # Cardiff
    "cf-centre": Anchor(
        51.4795, -3.1775, 250, "Cardiff", ("CF10 1", "CF10 2"),
        ("Womanby Street", "Westgate Street", "Queen Street", "Caroline Street", "St Mary Street"),
    ),
    "cf-cathays": Anchor(
        51.4925, -3.1790, 300, "Cardiff", ("CF24 4",),
        ("Crwys Road", "Woodville Road", "Salisbury Road", "Cathays Terrace"),
    ),
    "cf-roath": Anchor(
        51.4935, -3.1655, 300, "Cardiff", ("CF24 3",),
        ("City Road", "Albany Road", "Wellfield Road", "Richmond Road"),
    ),
    "cf-canton": Anchor(
        51.4815, -3.2005, 300, "Cardiff", ("CF11 9",),
        ("Cowbridge Road East", "Llandaff Road", "Kings Road", "Severn Road", "Cathedral Road"),
    ),
    "cf-grangetown": Anchor(
        51.4680, -3.1880, 200, "Cardiff", ("CF11 6", "CF11 7"),
        ("Clare Road", "Corporation Road", "Penarth Road", "Holmesdale Street"),
    ),
    "cf-splott": Anchor(
        51.4800, -3.1560, 300, "Cardiff", ("CF24 2", "CF24 1"),
        ("Splott Road", "Carlisle Street", "Broadway", "Habershon Street"),
    ),
}
# fmt: on


@dataclass(frozen=True)
class Profile:
    """How an organisation is constituted: legal form, ESSGlobal structure and Co-operatives UK ownership."""

    legal_form: str
    structure: str
    ownership: str
    kind: str = "register"


CBS_STRUCTURE = "Community Benefit Society / Industrial and Provident Society (IPS)"
PROFILES: dict[str, Profile] = {
    "wco": Profile("Society", "Workers cooperative", "Workers"),
    "wcc": Profile("Company", "Workers cooperative", "Workers"),
    "cons": Profile("Society", "Consumer/User coops", "Consumers"),
    "club": Profile("Society", "Consumer/User coops", "Consumers"),
    "cbs": Profile("Society", CBS_STRUCTURE, "Community of Interest"),
    "cic": Profile("Community Interest Company", "Community Interest Company (CIC)", "Community of Interest"),
    "hsg": Profile("Society", "Housing cooperative", "Tenants"),
    "hsgc": Profile("Company", "Housing cooperative", "Tenants"),
    "tmo": Profile("Company", "Not-for-profit organisation", "Tenants"),
    "tmos": Profile("Society", "Housing cooperative", "Tenants"),
    "cu": Profile("Society", "Mutual", "Consumers"),
    "multi": Profile("Society", "Multi-stakeholder cooperative", "Multi-stakeholder"),
    "sec": Profile("Society", "Secondary cooperative", "Enterprises"),
    "prod": Profile("Society", "Producer cooperative", "Enterprises"),
    "self": Profile("Society", "Cooperative", "Self-employed"),
    "selfc": Profile("Company", "Cooperative", "Self-employed"),
    "eot": Profile("Company", "Employee trust", "Employee Trust"),
    "cio": Profile("Charitable Incorporated Organisation", "Charity", ""),
    "llp": Profile("LLP", "Workers cooperative", "Workers"),
    "se": Profile("Company", "Social enterprise", "Community of Interest"),
    "comm": Profile("Unincorporated", "Community group (formal or informal)", "", "community"),
    "comm0": Profile("", "Unincorporated", "", "community"),
}

MEMBERSHIP: dict[str, str] = {
    "Consumers": "Consumer/Users",
    "Enterprises": "Producers",
    "Workers": "Workers",
    "Self-employed": "Workers",
    "Multi-stakeholder": "Multi-stakeholders",
    "Tenants": "Residents",
    "Community of Interest": "Others",
    "Employee Trust": "Workers",
    "": "",
}

SECTORS: dict[str, str] = {
    "agri": "Agriculture",
    "arts": "Arts and Culture",
    "digital": "Digital, Media and Communication",
    "edu": "Education",
    "energy": "Energy and Environment",
    "finance": "Finance",
    "food": "Food service, Accommodation and Pubs",
    "health": "Health and Social Care",
    "housing": "Housing",
    "manuf": "Manufacturing",
    "club": "Membership associations, social clubs and trade unions",
    "other": "Other",
    "pro": "Professional and Legal services",
    "retail": "Retail",
    "sport": "Sports and Recreation",
    "transport": "Transport",
}

ACTIVITIES: dict[str, str] = {
    "arts": "Arts, Media, Culture & Leisure",
    "camp": "Campaigning, Activism & Advocacy",
    "space": "Community & Collective Spaces",
    "edu": "Education",
    "energy": "Energy",
    "food": "Food",
    "goods": "Goods & Services",
    "health": "Health, Social Care & Wellbeing",
    "housing": "Housing",
    "money": "Money & Finance",
    "nature": "Nature, Conservation & Environment",
    "reuse": "Reduce, Reuse, Repair & Recycle",
    "agri": "Agriculture",
    "industry": "Industry",
    "util": "Utilities",
    "transport": "Transport",
}

# SIC 2007 divisions to the Co-operatives UK section labels (division 84, public administration, is unused).
SIC_SECTIONS: tuple[tuple[int, int, str], ...] = (
    (1, 3, "Agriculture, Forestry and Fishing"),
    (10, 33, "Manufacturing"),
    (35, 35, "Electricity, Gas, Steam and Air Con"),
    (36, 39, "Water Supply; Sewerage and Waste"),
    (41, 43, "Construction"),
    (45, 47, "Wholesale and Retail; Vehicle Repair"),
    (49, 53, "Transportation and Storage"),
    (55, 56, "Accommodation and Food Services"),
    (58, 63, "Information and Communication"),
    (64, 66, "Financial and Insurance"),
    (68, 68, "Real Estate"),
    (69, 75, "Professional, Scientific and Technical"),
    (77, 82, "Administrative and Support Services"),
    (85, 85, "Education"),
    (86, 88, "Human Health and Social Work"),
    (90, 93, "Arts, Entertainment and Recreation"),
    (94, 96, "Other Service Activities"),
)


@dataclass(frozen=True)
class Spec:
    """One hand-written organisation; everything else in its row is derived or drawn from the seeded RNG."""

    anchor: str
    name: str
    profile: str
    sector: str
    sic: str
    activities: str
    founded: int | None
    description: str
    goods: str = ""
    other_names: str = ""
    dissolved: int | None = None
    slug: str = ""
    address: str = ""
    no_region: bool = False


org = Spec


# fmt: off
OXFORD: tuple[Spec, ...] = (
    org(
        "ox-eastox", "Stockmore Street Bakers Co-operative Limited", "wco", "manuf", "10710", "food", 2011,
        "Worker-owned bakery in a former tyre depot off Cowley Road, baking naturally leavened loaves and "
        "rye since 2011. Its eight members share the night shifts and the profits equally, and deliver by "
        "cargo bike to cafés and grocers across East Oxford.",
        "sourdough and rye bread;wholesale bread for food businesses;celebration cakes;bread-making courses",
        slug="stockmorebakers",
    ),
    org(
        "ox-eastox", "Magdalen Road Grocery Co-operative Limited", "cons", "retail", "47110", "food;reuse",
        2016,
        "A member-owned grocery selling wholefoods, local vegetables and refills of oil, soap and grains by "
        "weight. Around 900 households hold a £10 share each and a vote at the annual meeting; working "
        "members put in three hours a month for a discount.",
        "wholefoods;fruit and vegetables;refill household goods;food boxes for community groups",
        slug="magdalenroadgrocery",
    ),
    org(
        "ox-eastox", "Cowley Road Kitchen Collective Ltd", "wcc", "food", "56210", "food;edu", 2014,
        "Catering co-op started by cooks who met at a refugee supper club, cooking Syrian, Eritrean and "
        "Kurdish food from a shared kitchen on Cowley Road. Members plan the menus together, take turns "
        "running front of house and split the surplus equally.",
        "event catering;office lunches;buffets for conferences;cookery workshops",
        other_names="Kitchen Collective",
    ),
    org(
        "ox-stclements", "Café Alma CIC", "cic", "food", "56102", "food;space", 2019,
        "Pay-what-you-can café near the Plain serving soup, toast and cake six days a week. Paying "
        "customers cover the meals of those who can't, and two paid staff work alongside a rota of "
        "volunteers.",
        "room hire;catering for small meetings;cakes to order",
        slug="cafealma",
    ),
    org(
        "ox-eastox", "Zagros Kitchen Workers' Co-operative Limited", "wco", "food", "56101", "food", 2018,
        "Kurdish grill and bakery whose five owner-workers came to Oxford from Erbil and Sulaymaniyah. "
        "Flatbreads come out of a clay tandoor the members built themselves, and Sunday lunch is "
        "pay-as-you-feel.",
        "takeaway;party platters;food for events;flatbreads wholesale",
        slug="zagroskitchen",
    ),
    org(
        "ox-eastox", "Cowley Spice Traders Co-operative Limited", "sec", "retail", "46390", "food;goods",
        2008,
        "Secondary co-op through which eleven independent grocers on and around Cowley Road buy rice, "
        "pulses, spices and cooking oil together by the pallet. The member shops own it equally, and the "
        "saving is returned to them as a rebate each March.",
        "bulk rice and pulses;spices;cooking oil;food wholesale to caterers and schools",
        slug="cowleyspicetraders",
    ),
    org(
        "ox-eastox", "The Leopold Arms Community Pub Limited", "cbs", "food", "56302", "food;space", 2021,
        "Bought by 640 local shareholders in 2021 when the brewery that owned it put it up for sale. The "
        "Leopold reopened with a kitchen run by a local caterer, cask ales from Oxfordshire brewers and a "
        "function room that community groups can book free on weekday afternoons.",
        "function room hire;pub food;outside bar for events",
        other_names="The Leopold",
        slug="theleopold",
    ),
    org(
        "ox-centre", "Oxford Market Traders' Co-operative Limited", "self", "retail", "47810", "food;goods",
        1996,
        "About thirty market traders (street-food cooks, bakers, a cheesemonger and a bric-a-brac dealer) "
        "who share insurance, gazebos, a van and a card-reader contract. Members also run pop-up markets "
        "for college open days and summer fairs.",
        "street food;market stall catering;pop-up market organisation",
        slug="oxfordmarkettraders",
    ),
    org(
        "ox-iffley", "Fairacres Dumpling Company Ltd", "wcc", "manuf", "10850", "food", 2022,
        "Three friends from Chengdu and Oxford hand-fold dumplings and bao in a small kitchen off Iffley "
        "Road, selling frozen bags to local shops and cooking at street-food markets. It was set up as a "
        "worker co-op from day one, so every cook owns a third.",
        "frozen dumplings;street food;food for staff parties;wholesale to delis",
        slug="fairacresdumplings",
    ),
    org(
        "ox-rosehill", "Rose Hill Market Garden CIC", "cic", "agri", "01130", "agri;food;nature", 2017,
        "Half-hectare market garden on former allotment land at the edge of Rose Hill, growing salad, herbs "
        "and squash with volunteers from the estate. The veg goes to a weekly box scheme and to school "
        "kitchens, and Saturday sessions are open to anyone.",
        "salad and vegetable boxes;food growing workshops;corporate volunteering days",
        slug="rosehillmarketgarden",
    ),
    org(
        "ox-headington", "Headington Community Orchard Society Limited", "cbs", "agri", "01240",
        "agri;nature;food", 2013,
        "Looks after 140 fruit trees planted on school fields, church land and residents' front gardens "
        "across Headington. Members harvest together in September and press the apples into juice, which is "
        "bottled and sold through local shops.",
        "apple juice;fruit tree pruning;orchard planting for schools",
        slug="headingtonorchard",
    ),
    org(
        "ox-eastox", "Divinity Road Fix-It Evenings", "comm", "other", "", "reuse;space", None,
        "We're a bunch of neighbours who fix things (toasters, bikes, jumpers, wobbly chairs) on the first "
        "Thursday of the month in the church hall. Bring your broken thing and a bit of patience; tea is "
        "free and we'll show you how to do it yourself next time.",
        address="Church hall, Divinity Road",
        no_region=True,
    ),
    org(
        "ox-rosehill", "Rose Hill Community Larder", "comm0", "food", "", "food;health", 2021,
        "We run a food club in the community centre every Tuesday and Friday: members pay £4 and take home "
        "around £20 of groceries, much of it surplus from supermarkets and local farms. No referral needed. "
        "If you live in OX4 you can join, and we always need drivers.",
        address="Community centre, The Oval",
    ),
    org(
        "ox-barton", "Barton Community Fridge", "comm", "other", "", "food;reuse", 2020,
        "A fridge and a set of shelves in the neighbourhood centre, stocked every day with surplus food "
        "from local shops and bakeries. Anyone can take anything, no questions asked. We started during the "
        "first lockdown and 25 volunteers now keep it clean and full.",
        address="Neighbourhood centre, Underhill Circus",
    ),
    org(
        "ox-leys", "Leys Neighbours Mutual Aid", "comm0", "health", "", "health;camp", 2020,
        "Started in March 2020 as a WhatsApp group to get shopping and prescriptions to people who were "
        "shielding, and we never stopped. Now we run lifts to hospital appointments, a winter warm space "
        "and a pram and tool swap. Ring or message and someone local will help.",
        no_region=True,
    ),
    org(
        "ox-centre", "Carfax & District Credit Union Limited", "cu", "finance", "64191", "money", 1998,
        "Savings and affordable loans for people who live or work in Oxford and the surrounding districts, "
        "with a payroll savings scheme run with several local employers. Members own it equally and elect "
        "the volunteer board; loans start at £100.",
        "payroll savings scheme;affordable loans;financial education sessions",
        other_names="Carfax Credit Union",
        slug="carfaxcu",
    ),
    org(
        "ox-leys", "Leys Rooftop Power Community Benefit Society Limited", "cbs", "energy", "35110", "energy",
        2016,
        "Owns solar panels on the roofs of four schools, a leisure centre and a community centre in "
        "Blackbird Leys and Greater Leys, paid for by a community share offer that raised £410,000. The "
        "schools buy the electricity at a discount, and the surplus pays for home energy advice on the "
        "estate.",
        "rooftop solar partnerships;discounted electricity for public buildings;home energy advice",
        slug="leysrooftoppower",
    ),
    org(
        "ox-headington", "Headington Heat Pump Club Limited", "cons", "energy", "43220", "energy;goods", 2022,
        "A buying club that helps households in OX3 get heat pumps fitted street by street, so installers "
        "can quote for several homes at once. Members get a survey, independent advice and a vetted "
        "installer; the club takes no commission.",
        "heat pump group purchasing;home energy surveys;retrofit advice",
        slug="heatpumpclub",
    ),
    org(
        "ox-marston", "Marston Community Energy Society Limited", "cbs", "energy", "35110", "energy;nature",
        2013,
        "Runs a 250 kW solar array on a farm-building roof near Marston and a smaller one on a church hall. "
        "Members receive up to 4% interest, and a fifth of the surplus goes to a fund that draught-proofs "
        "homes in the parish.",
        "community solar electricity;draught-proofing grants",
        slug="marstonenergy",
    ),
    org(
        "ox-eastox", "Bullingdon House Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        1984,
        "Fully mutual housing co-op of nine tenants sharing two large Victorian houses off Bullingdon Road. "
        "Rents are set at the general meeting to cover the mortgage and repairs, and members do the "
        "decorating themselves.",
    ),
    org(
        "ox-eastox", "Hedgehog Housing Co-operative Ltd", "hsgc", "housing", "68209", "housing", 2004,
        "Small housing co-op that bought a terrace of three houses in 2004 with a loan from an ethical "
        "lender and members' own loanstock. Twelve adults and four children live there; the garden is "
        "shared and so is the washing machine.",
    ),
    org(
        "ox-jericho", "Cranham Street Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        1979,
        "One of Oxford's older housing co-ops, formed in 1979 when residents of a row of threatened Jericho "
        "cottages clubbed together to buy them. It still owns six of the cottages and lets them at rents "
        "well below the local market.",
    ),
    org(
        "ox-headington", "Headington Community Land Trust Limited", "cbs", "housing", "41100", "housing;camp",
        2018,
        "Community land trust working to build permanently affordable homes for key workers in Headington, "
        "where hospital and university staff struggle to rent. It has 380 members, planning permission for "
        "14 flats on a former garage site and a long lease agreed with the landowner.",
        slug="headingtonclt",
    ),
    org(
        "ox-leys", "Windale Tenant Management Organisation Limited", "tmo", "housing", "68320", "housing",
        2001,
        "Residents' organisation that managed repairs, cleaning and caretaking for around 300 council flats "
        "under an agreement with the city council. It was wound up in 2016 when the management agreement "
        "ended and services returned in-house.",
        dissolved=2016,
    ),
    org(
        "ox-west", "Botley Road Cohousing Co-operative Limited", "hsg", "housing", "41202", "housing;space",
        2020,
        "Twenty households building timber-framed flats with a shared common house, laundry and workshop on "
        "a former builders' yard in West Oxford. Members range from a retired nurse to a family of five, "
        "and move-in is planned for 2026.",
        slug="botleycohousing",
    ),
    org(
        "ox-eastox", "Bullingdon Bike Workshop CIC", "cic", "transport", "95290", "reuse;transport;edu", 2012,
        "Refurbishes donated bikes and sells them at fair prices, with free bikes for refugees and people "
        "referred by housing charities. Runs mechanics courses for adults and a Saturday youth session "
        "where teenagers earn a bike by building one.",
        "bike servicing;refurbished bikes;fleet maintenance for employers;mechanics training",
        slug="bullingdonbikes",
    ),
    org(
        "ox-centre", "Cargo Collective Couriers Co-operative Limited", "wco", "transport", "53202",
        "transport;goods", 2015,
        "Cargo-bike delivery co-op carrying parcels, lab samples and catering orders around the city "
        "centre, where vans are slow and parking impossible. Riders are members, are paid the real living "
        "wage and vote on which contracts to take.",
        "same-day courier;cargo bike delivery;last-mile logistics;lab sample transport",
        slug="cargocollective",
    ),
    org(
        "ox-eastox", "Plough & Byte Co-operative Limited", "wco", "digital", "62012", "goods", 2013,
        "Seven-person software co-op building websites, databases and booking systems for charities, "
        "universities and councils, all with open-source tools. Members are paid the same hourly rate "
        "whether they code, design or manage projects.",
        "web development;database design;booking systems;digital accessibility audits",
        other_names="Plough and Byte",
        slug="ploughandbyte",
    ),
    org(
        "ox-jericho", "Jericho Letterpress Co-operative Ltd", "wco", "manuf", "18129", "arts;goods", 1988,
        "Print shop in a Walton Street yard, set up in 1988 by compositors laid off when a big academic "
        "printer closed its works. It still runs two Heidelberg platens alongside the digital presses and "
        "prints leaflets, posters, reports and wedding stationery for a mostly local clientele.",
        "leaflets and posters;report printing;letterpress stationery;large format printing",
        slug="jericholetterpress",
    ),
    org(
        "ox-centre", "Babel Bridge Interpreting LLP", "llp", "pro", "74300", "goods;health", 2010,
        "A partnership of fourteen interpreters and translators working in 27 languages, from Pashto and "
        "Tigrinya to Polish and Portuguese, run as a co-operative LLP. Much of the work is in GP surgeries, "
        "courts and social services meetings.",
        "face-to-face interpreting;telephone interpreting;document translation;community languages",
        slug="babelbridge",
    ),
    org(
        "ox-cowley", "Brightwork Cleaning Co-operative Limited", "wco", "other", "81210", "goods", 2009,
        "Cleaning co-op founded by nine women, most of them from the Philippines and Brazil, who were fed "
        "up with agency contracts. Cleans offices, surgeries and church halls across Oxford with "
        "eco-labelled products, and pays the Oxford living wage.",
        "office cleaning;commercial cleaning;end-of-tenancy cleans;window cleaning",
        slug="brightworkcleaning",
    ),
    org(
        "ox-iffley", "Rabbit Hill Parent Nursery Co-operative Ltd", "multi", "edu", "88910", "edu", 1992,
        "Nursery for 28 children aged two to five in a church hall off Iffley Road. Parents help out one "
        "session a month, which keeps fees below most private nurseries, and the staff sit on the committee "
        "alongside them.",
        "early years childcare;funded 15 and 30 hour places;holiday playscheme",
        slug="rabbithillnursery",
    ),
    org(
        "ox-headington", "Headington Care Co-operative Limited", "multi", "health", "88100", "health", 2017,
        "Home-care co-op owned by its care workers and the people they support. Carers are salaried rather "
        "than paid per visit, no visit is shorter than 45 minutes, and clients and their families elect a "
        "third of the board.",
        "home care;personal care;respite care;council-commissioned care packages",
        slug="headingtoncare",
    ),
    org(
        "ox-cowley", "Lime & Timber Building Co-operative Limited", "wco", "housing", "41202",
        "housing;goods", 2007,
        "Builders' co-op of carpenters, plasterers and a bricklayer who repair old houses with lime and "
        "timber and build low-energy extensions. Takes on two apprentices a year and has worked for several "
        "of the city's housing co-ops.",
        "building repairs;lime plastering;timber frame extensions;retrofit insulation",
        slug="limeandtimber",
    ),
    org(
        "ox-eastox", "Live Wire Electrical Co-operative Ltd", "wcc", "energy", "43210", "energy;goods", 2019,
        "Four electricians who left the same contractor in 2019 to form their own co-op. They rewire "
        "houses, fit solar PV and battery storage and install car chargers, and take turns on call.",
        "electrical installation;solar PV and batteries;EV charger installation;electrical inspection "
        "reports",
        slug="livewirecoop",
    ),
    org(
        "ox-stclements", "Crescent Social Club and Institute Limited", "club", "club", "56301", "space;arts",
        1921,
        "Members' club founded in 1921, with a snooker room, a bar with the cheapest pint in OX4 and a "
        "function room used for wakes, christenings and a Thursday folk night. Members pay £12 a year and "
        "elect the committee in February.",
    ),
    org(
        "ox-leys", "Leys United Supporters' Society Limited", "cbs", "sport", "93120", "arts;space", 2009,
        "Supporters' society that owns and runs Leys United, a non-league club, and its ground off Pegasus "
        "Road. Fans own the club on a one-member-one-vote basis, and the society also runs girls' and "
        "walking football teams.",
        slug="leysunited",
    ),
    org(
        "ox-eastox", "Marginalia Books Co-operative Ltd", "wco", "retail", "47610", "arts;goods", 2010,
        "Independent bookshop owned by the four people who work in it, strong on politics, poetry and "
        "children's books. Hosts readings most weeks and supplies class sets and library stock to local "
        "schools.",
        "books;school and library book supply;author events",
        slug="marginaliabooks",
    ),
    org(
        "ox-west", "Osney Print Studio Co-operative Limited", "self", "arts", "90030", "arts;edu", 2003,
        "Shared printmaking studio in an old boatyard building in Osney, with etching presses, a "
        "screen-print bed and a darkroom. Its forty member artists pay a monthly fee for access and take "
        "turns teaching the public evening classes.",
        "printmaking classes;screen printing;studio hire",
        slug="osneyprintstudio",
    ),
    org(
        "ox-jericho", "Backlot Film Co-operative Ltd", "wco", "digital", "59111", "arts", 2016,
        "Film and animation co-op making documentaries and explainer videos for charities, researchers and "
        "local government. Four members, one shared edit suite in Jericho and a habit of paying the young "
        "people who appear in their films.",
        "video production;animation;documentary;filming at events",
        slug="backlotfilm",
    ),
    org(
        "ox-eastox", "East Oxford Language Co-operative Limited", "wco", "edu", "85590", "edu", 2014,
        "ESOL teachers' co-op running English classes for adults in community centres, mosques and a Polish "
        "church hall, with crèche places so parents can attend. Also trains the volunteers who run "
        "conversation clubs.",
        "ESOL classes;English for work courses;teacher training;translation of public information",
        slug="eastoxfordlanguage",
    ),
    org(
        "ox-centre", "Fair Ledger Co-operative Accountants LLP", "llp", "pro", "69201", "money;goods", 2012,
        "Accountancy practice owned by its six partners, specialising in co-ops, charities, CICs and "
        "housing co-ops. Does year-end accounts, payroll and independent examinations, and explains the "
        "figures in plain English at members' AGMs.",
        "accounts and audit;payroll;independent examination;governance training",
        slug="fairledger",
    ),
    org(
        "ox-eastox", "Common Cause Law Co-operative Limited", "wco", "pro", "69102", "camp;goods", 2020,
        "Small legal practice owned by its staff, advising tenants, housing co-ops and community groups on "
        "leases, rules and disputes. Charges fixed fees wherever possible and gives one day a week to free "
        "advice sessions at a local law centre.",
        "legal advice;co-operative rules and governance;property and leases;employment advice",
        slug="commoncauselaw",
    ),
    org(
        "ox-west", "Oxfordshire Food Commons Co-operative Limited", "multi", "retail", "46310", "food;agri",
        2019,
        "Multi-stakeholder food hub owned by three kinds of member: the growers who supply it, the "
        "warehouse and delivery team, and the cafés, schools, shops and caterers who buy from it. It "
        "collects from around thirty farms, orchards and market gardens within thirty miles of Oxford, from "
        "organic veg growers near Abingdon to a goat dairy in the Chilterns, and delivers twice a week from "
        "a chilled unit on Osney Mead. Prices are agreed with growers at the start of each season, so "
        "farmers know what they will earn before they plant, and buyers can order by the crate or the "
        "pallet through a simple online shop.",
        "local food wholesale;fruit and vegetables;dairy and eggs;school food supply",
        slug="foodcommons",
    ),
    org(
        "ox-west", "Osney Mead Workshop Co-operative Ltd", "self", "manuf", "31090", "industry;reuse", 2011,
        "Shared workshop where furniture makers, a bike-frame builder and two sign-writers rent benches and "
        "share the machinery. The members hold the lease together and open the doors to the public twice a "
        "year.",
        "bespoke furniture;joinery;sign-writing;workshop bench hire",
        slug="osneymeadworkshop",
    ),
    org(
        "ox-littlemore", "Village Shop Limited", "cbs", "retail", "47110", "food;space", 2012,
        "Community-owned shop and post office counter on Sandford Road, saved by residents when the "
        "previous owner retired. About 250 shareholders, two paid staff and a volunteer rota keep it open "
        "seven days a week; the noticeboard outside is the busiest in Littlemore.",
        "groceries;post office services;newspapers",
        slug="littlemorevillageshop",
    ),
    org(
        "ox-leys", "Leys Dial-a-Ride Co-operative Limited", "multi", "transport", "49390", "transport;health",
        2006,
        "Door-to-door minibus service for older and disabled people in south-east Oxford, owned by its "
        "drivers and passengers. It was wound up in 2019 after losing its council grant, and its two "
        "accessible minibuses passed to a neighbouring charity.",
        dissolved=2019,
    ),
    org(
        "ox-eastox", "Magdalen Road Therapy Co-operative Ltd", "selfc", "health", "86900", "health", 2015,
        "Twelve counsellors, psychotherapists and an art therapist sharing rooms above a former bank. A "
        "third of appointments are kept at reduced rates for people on low incomes, paid for by a small "
        "levy on full-fee sessions.",
        "counselling;employee assistance sessions;clinical supervision;therapy room hire",
        slug="magdalentherapy",
    ),
    org(
        "ox-summertown", "Summertown Car Club Co-operative Limited", "cons", "transport", "77110",
        "transport", 2011,
        "Members share eleven cars, two of them electric vans, parked in residents' bays across North "
        "Oxford. Booking is by app or phone, and the club reckons each car replaces nine privately owned "
        "ones.",
        "car sharing;electric van hire;business pool car membership",
        slug="summertowncarclub",
    ),
    org(
        "ox-summertown", "Greenway Gardeners Co-operative Limited", "wco", "other", "81300", "nature;goods",
        2008,
        "Gardening co-op looking after school grounds, housing association estates and private gardens in "
        "North Oxford without pesticides or peat. Its six members also lay hedges, dig ponds and are "
        "trusted with the rare orchids in one college garden.",
        "grounds maintenance;hedge laying;wildlife gardening;pond building",
        slug="greenwaygardeners",
    ),
    org(
        "ox-marston", "Cherwell Drive Allotment Society Limited", "cons", "agri", "94990", "agri;nature",
        1948,
        "Runs 160 plots on land leased from the city council, and a trading hut that sells seed, compost "
        "and canes at cost on Sunday mornings. Formed in 1948 out of a wartime Dig for Victory association.",
    ),
    org(
        "ox-marston", "Cherwell Paddlers Co-operative Limited", "cons", "sport", "93120", "arts;nature", 1999,
        "Paddling club with a boathouse by the river, open to canoeists and kayakers of every level. "
        "Members own the boats and the shed, coach each other and clear litter from the Cherwell every "
        "spring.",
        slug="cherwellpaddlers",
    ),
    org(
        "ox-headington", "Holyoake Joinery Limited", "eot", "manuf", "16230", "industry;goods", 1974,
        "Family joinery business founded in 1974 and sold to an employee ownership trust in 2019 when the "
        "founder retired. Its 23 staff make sash windows, doors and staircases for listed buildings and "
        "college estates.",
        "sash windows;bespoke doors;staircases;heritage joinery",
        slug="holyoakejoinery",
    ),
    org(
        "ox-cowley", "Cowley Signs & Design Co-operative Ltd", "wco", "digital", "74100", "goods;arts", 2005,
        "Sign-makers and graphic designers who made shop fascias, van livery and exhibition panels for "
        "businesses in Cowley and Littlemore. Dissolved in 2014 when the remaining members retired.",
        dissolved=2014,
    ),
    org(
        "ox-centre", "Paper Lantern Tutors' Co-operative Limited", "selfc", "edu", "85600", "edu", 2017,
        "Co-op of self-employed tutors, many of them doctoral students, who share a booking system and a "
        "set fee and keep the agency margin for themselves. Offers free GCSE maths and English tutoring to "
        "pupils from two partner schools.",
        "GCSE and A-level tutoring;school intervention programmes;study skills workshops",
        slug="paperlanterntutors",
    ),
    org(
        "ox-eastox", "Hurst Street Wholefoods Co-operative Limited", "cons", "retail", "47290", "food", 1974,
        "Wholefood shop opened by students and squatters in 1974, selling brown rice, lentils and carob "
        "long before they were fashionable. It closed in 2009 after a rent rise, and the members gave the "
        "remaining funds to a new community grocery.",
        dissolved=2009,
    ),
    org(
        "ox-jericho", "Kingston Road Rehearsal Rooms Co-operative Ltd", "self", "arts", "90040", "arts;space",
        2002,
        "Three soundproofed rehearsal rooms and a small recording studio in a basement off Kingston Road, "
        "run by the bands and engineers who use them. Rooms are £8 an hour, and Tuesday afternoons are kept "
        "free for a young people's music project.",
        "rehearsal room hire;recording;PA hire",
        slug="kingstonroadrooms",
    ),
    org(
        "ox-stebbes", "Thames Street Clothes Exchange CIC", "cic", "retail", "47790", "reuse;goods", 2021,
        "Second-hand clothing shop and mending workshop that repairs donated clothes and sells them "
        "cheaply. Runs a school uniform exchange every August and pays two young apprentices to learn "
        "tailoring.",
        "school uniform exchange;clothing repairs and alterations;upcycling workshops",
        slug="clothesexchange",
    ),
    org(
        "ox-grandpont", "Hinksey Swimmers' Co-operative Limited", "cons", "sport", "93199", "health;nature",
        2014,
        "Year-round open-water swimming club whose members look after a lakeside changing hut and a "
        "volunteer safety team. Membership costs £35 a year and includes a dip every Sunday at 8am, "
        "whatever the weather.",
        slug="hinkseyswimmers",
    ),
    org(
        "ox-headington", "Shotover Community Radio CIC", "cic", "digital", "60100", "arts;edu", 2008,
        "Community radio station broadcasting on FM and online from a studio above a Headington shop, with "
        "seventy volunteer presenters and shows in Urdu, Polish and Shona. Trains young people in audio "
        "production and sells airtime to local businesses.",
        "radio advertising;audio production training;podcast production",
        slug="shotoverradio",
    ),
    org(
        "ox-barton", "Barton Childminders Co-operative Limited", "self", "edu", "88910", "edu;health", 2018,
        "Eighteen registered childminders in Barton, Sandhills and Risinghurst who share training, "
        "insurance, a toy library and cover for each other's holidays. Parents get one number to call for a "
        "place.",
        "childminding;funded early years places;wraparound care",
        slug="bartonchildminders",
    ),
    org(
        "ox-eastox", "Inkwell & Loom Co-operative Ltd", "wco", "digital", "74100", "arts;goods", 2018,
        "Design studio owned by its five members, doing brand identities, exhibitions and annual reports "
        "for museums, trade unions and co-ops. Every job is priced on a sliding scale tied to the client's "
        "turnover.",
        "graphic design;branding;exhibition design;annual reports",
        slug="inkwellandloom",
    ),
    org(
        "ox-jericho", "Narrowboat Architects LLP", "llp", "pro", "71111", "housing;goods", 2014,
        "Architecture practice run as a co-operative LLP, designing community buildings, self-build housing "
        "and retrofit schemes. Partners take equal shares and keep a quarter of their time for "
        "community-led housing groups who can't yet pay full fees.",
        "architectural design;retrofit design;community consultation;planning applications",
        slug="narrowboatarchitects",
    ),
    org(
        "ox-cowley", "Garsington Road Sports and Social Club Limited", "club", "club", "56301", "space;arts",
        1936,
        "Opened in 1936 for workers at the car plant and still run by and for its members, many of them "
        "second- and third-generation plant workers. Darts, crown green bowls, a big screen for the "
        "football and a function room with its own sprung floor.",
    ),
    org(
        "ox-cowley", "Cowley Cargo Bikes Co-operative Ltd", "wco", "manuf", "30920", "transport;industry",
        2020,
        "Builds cargo bikes and trailers to order in a unit off Garsington Road, welding the steel frames "
        "in-house. Its main customers are councils, couriers and market traders, and members service the "
        "bikes they sell for life.",
        "cargo bikes;bike trailers;fleet servicing;custom welding",
        slug="cowleycargobikes",
    ),
    org(
        "ox-summertown", "Summertown Pottery Co-operative Ltd", "self", "arts", "23410", "arts;edu", 1983,
        "Studio pottery run since 1983 by potters who share kilns, clay and a shop window on South Parade. "
        "Evening throwing classes sell out within an hour of going online.",
        "pottery classes;tableware commissions;kiln firing service",
        slug="summertownpottery",
    ),
    org(
        "ox-eastox", "Cosy Homes East Oxford CIC", "cic", "energy", "74909", "energy;housing", 2015,
        "Energy advice team that visits homes in East Oxford, draught-proofs doors and windows, fits "
        "radiator reflectors and shows people how to work their heating controls. Paid for by grants and by "
        "contracts with two housing associations.",
        "home energy visits;draught-proofing;retrofit assessments",
        slug="cosyhomeseastoxford",
    ),
    org(
        "ox-iffley", "Jackdaw Housing Co-operative Limited", "hsg", "housing", "68209", "housing", 1996,
        "Six-bedroom house near the Iffley Road running track, owned by the co-op since 1996 and home to an "
        "ever-changing cast of cyclists, teachers and NHS workers. Lends its surplus to new housing co-ops "
        "that are starting out.",
    ),
    org(
        "ox-centre", "Sixteen Pixels Co-operative Ltd", "wcc", "digital", "62020", "goods", 2003,
        "Web and IT support co-op that looked after networks for GP surgeries and small charities through "
        "the 2000s. Dissolved in 2011 when its members moved on; its clients were handed to another local "
        "co-op.",
        dissolved=2011,
    ),
    org(
        "ox-headington", "Old Headington Tool Library", "comm", "other", "", "reuse;goods", 2018,
        "We lend out drills, ladders, a pressure washer and about 300 other tools from a shed behind the "
        "church hall, Saturday mornings 10 till 12. Membership is whatever you can afford. Most things come "
        "back; the hedge trimmer has its own waiting list.",
        address="The shed behind the church hall, Old High Street",
    ),
)


MANCHESTER: tuple[Spec, ...] = (
    org(
        "mcr-ancoats", "Ancoats Pasta Co-operative Ltd", "wco", "manuf", "10730", "food", 2020,
        "Fresh pasta made every morning in a railway arch and sold to restaurants, delis and through a "
        "Saturday hatch. Set up by four chefs who lost their jobs in the 2020 lockdowns and decided to work "
        "for themselves.",
        "fresh pasta;sauces;wholesale to restaurants;pasta-making classes",
        slug="ancoatspasta",
    ),
    org(
        "mcr-nq", "Tib Street Print Co-operative Limited", "wco", "manuf", "18129", "arts;goods", 1987,
        "Risograph and litho printers in the Northern Quarter since 1987, printing gig posters, zines, "
        "trade-union newsletters and annual reports. Eleven members, all trained on the job, and a strict "
        "policy of recycled paper and vegetable inks.",
        "risograph printing;litho printing;posters and flyers;reports and newsletters",
        slug="tibstreetprint",
    ),
    org(
        "mcr-nq", "Stevenson Square Web Co-operative Ltd", "wcc", "digital", "62012", "goods", 2009,
        "Developers and designers building websites, membership databases and online shops for trade "
        "unions, housing associations and arts organisations. Twenty-two worker-members, a four-day week "
        "and no managers; decisions are made at fortnightly team meetings.",
        "website development;membership systems;e-commerce;hosting and support",
        other_names="Square Web",
        slug="squareweb",
    ),
    org(
        "mcr-centre", "Cottonopolis Translation Co-operative Limited", "wco", "pro", "74300", "goods;health",
        2011,
        "Translators and interpreters covering Urdu, Arabic, Farsi, Mandarin, Romanian and thirty other "
        "languages for NHS trusts, solicitors and schools across Greater Manchester. Work is shared through "
        "a rota so that interpreters of rarer languages aren't squeezed out.",
        "interpreting;document translation;BSL interpreting;video remote interpreting",
        slug="cottonopolistranslation",
    ),
    org(
        "mcr-centre", "Princess Street Cleaning Co-operative Ltd", "wco", "other", "81210", "goods", 2016,
        "Office cleaning co-op formed by contract cleaners who organised with their union for the real "
        "living wage and then cut out the contractor altogether. Cleans offices, co-working spaces and two "
        "theatres in the city centre, mostly in the early mornings.",
        "office cleaning;theatre and venue cleaning;deep cleans;washroom supplies",
        slug="princessstreetcleaning",
    ),
    org(
        "mcr-levenshulme", "Albert Road Solar Society Limited", "cbs", "energy", "35110", "energy", 2015,
        "Solar panels on a primary school, a mosque, a library and a bowling club pavilion in Levenshulme, "
        "paid for by a share offer that raised £186,000 from 310 members. Sells the power to the buildings "
        "below market rate and funds energy-bill advice surgeries.",
        "community solar electricity;energy bill advice",
        slug="albertroadsolar",
    ),
    org(
        "mcr-levenshulme", "Levenshulme Food Co-operative Limited", "cons", "retail", "47110", "food", 2018,
        "Member-owned grocery in a former bank on Stockport Road, stocking halal meat, Polish bread, "
        "organic vegetables and everything in between. Open to everyone; members pay £1 a week and get 10% "
        "off.",
        "groceries;halal butchery;catering supplies for community events;food boxes",
        other_names="Levy Food Co-op",
        slug="levyfoodcoop",
    ),
    org(
        "mcr-chorlton", "Beech Road Greengrocers Co-operative Ltd", "wco", "retail", "47210", "food", 2013,
        "Fruit and veg shop run by its four workers, buying direct from Lancashire and Cheshire growers "
        "where it can and from the wholesale market when it can't. Delivers to nurseries and care homes on "
        "weekday mornings.",
        "fruit and vegetables;deliveries to nurseries and care homes;food boxes",
        slug="beechroadgreengrocers",
    ),
    org(
        "mcr-chorlton", "Keppel Road Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        1991,
        "Owns three semi-detached houses on a leafy Chorlton street, home to fourteen members and a great "
        "many bicycles. Part of the rent goes into a fund that has helped four younger co-ops in the North "
        "West buy their first property.",
    ),
    org(
        "mcr-hulme", "Stretford Road Housing Co-operative Limited", "hsg", "housing", "68201", "housing",
        1993,
        "Tenant-controlled co-op owning 48 flats and maisonettes built during Hulme's rebuilding in the "
        "1990s. Members interview new tenants, run a repairs committee and keep a community room with a "
        "kiln in it.",
    ),
    org(
        "mcr-hulme", "Royce Road Tenant Management Organisation Limited", "tmo", "housing", "68320",
        "housing", 1998,
        "Manages 210 council homes under a management agreement, employing its own caretakers, cleaners and "
        "a repairs officer. Resident directors are elected each year, and satisfaction with repairs is "
        "consistently above the city average.",
    ),
    org(
        "mcr-ancoats", "Jersey Street Architects LLP", "llp", "pro", "71111", "housing;goods", 2016,
        "Co-operative architecture practice working on mill conversions, community buildings and self-build "
        "projects across the North West. Its seven partners are paid equally, and the practice publishes "
        "the carbon figures for every building it designs.",
        "architecture;retrofit design;feasibility studies;community consultation",
        slug="jerseystreetarchitects",
    ),
    org(
        "mcr-ardwick", "Ardwick Green Builders Co-operative Limited", "wco", "housing", "41202",
        "housing;goods", 2012,
        "General builders owned by the tradespeople who do the work: joiners, plasterers, a roofer and a "
        "plumber. Most jobs are repairs and adaptations for housing co-ops, small housing associations and "
        "homeowners on disabled facilities grants.",
        "building repairs;disabled adaptations;kitchen and bathroom fitting;roofing",
        slug="ardwickbuilders",
    ),
    org(
        "mcr-gorton", "Gorton Retrofit Co-operative Ltd", "wco", "energy", "43290", "energy;housing", 2021,
        "Insulation and retrofit installers trained through a college scheme, fitting external wall "
        "insulation, loft insulation and ventilation to terraced houses. Owned by its fourteen installers, "
        "who between them speak Polish, Urdu and Tigrinya as well as English.",
        "external wall insulation;loft insulation;ventilation;retrofit coordination",
        slug="gortonretrofit",
    ),
    org(
        "mcr-oxrd", "Grosvenor Street Couriers Co-operative Limited", "wco", "transport", "53202",
        "transport", 2014,
        "Bicycle courier co-op that ran documents and lab samples between the universities, hospitals and "
        "law firms for eight years. Dissolved in 2022 after its biggest contract went in-house; most of the "
        "riders joined other co-ops.",
        dissolved=2022,
    ),
    org(
        "mcr-nq", "Northern Quarter Cargo Co-operative Ltd", "wco", "transport", "53202", "transport;goods",
        2022,
        "Cargo bikes and two electric vans delivering for independent shops, restaurants and breweries "
        "inside the inner ring road. Riders are employees and owners, and every new client is discussed at "
        "the weekly meeting.",
        "cargo bike courier;restaurant deliveries;brewery deliveries;same-day delivery",
        slug="nqcargo",
    ),
    org(
        "mcr-rusholme", "Wilmslow Road Restaurant Suppliers Co-operative Limited", "sec", "retail", "46390",
        "food;goods", 2004,
        "Purchasing co-op owned by nineteen restaurants and takeaways in Rusholme, buying rice, ghee, "
        "spices, packaging and gas bottles in bulk. It also negotiates waste collection and card-payment "
        "contracts for its members.",
        "food wholesale;catering packaging;bulk spices and rice",
        slug="wilmslowroadsuppliers",
    ),
    org(
        "mcr-longsight", "Dickenson Road Women's Sewing Co-operative Ltd", "wco", "manuf", "14130",
        "industry;arts", 2015,
        "Women from Longsight's South Asian and Somali communities sewing uniforms, tote bags and "
        "alterations in a workshop above a row of shops. It began as a sewing class at the community "
        "centre; the members now employ a cutter and take contract work from schools and theatres.",
        "school uniforms;tote bags;costume making;alterations and repairs",
        slug="dickensonroadsewing",
    ),
    org(
        "mcr-longsight", "Ardwick & Longsight Credit Union Limited", "cu", "finance", "64191", "money", 1986,
        "Community credit union serving south-east Manchester from a shop on Stockport Road and collection "
        "points in two schools. Offers savings, jam-jar accounts for bills and loans that undercut doorstep "
        "lenders; a Sharia-compliant savings account followed in 2019.",
        "payroll savings;affordable loans;jam-jar budgeting accounts",
        slug="ardwicklongsightcu",
    ),
    org(
        "mcr-centre", "Whitworth Street Nursery Co-operative Limited", "multi", "edu", "88910", "edu", 2010,
        "Workplace nursery for sixty children, set up by parents working in city-centre offices and owned "
        "jointly by parents and staff. Open 7.30am to 6.30pm so shift workers can use it, and early years "
        "staff are paid above the sector average.",
        "full-time nursery places;funded early years places;employer childcare partnerships",
        slug="whitworthnursery",
    ),
    org(
        "mcr-fallowfield", "Ladybarn Care Co-operative Ltd", "multi", "health", "88100", "health", 2018,
        "Home-care co-op owned by care workers and clients. Carers have guaranteed hours and paid travel "
        "time, and every client is looked after by the same small team of three or four people.",
        "home care;personal care;dementia support;direct payment care",
        slug="ladybarncare",
    ),
    org(
        "mcr-withington", "Withington Wellbeing Co-operative Ltd", "self", "health", "86900", "health", 2012,
        "Osteopaths, physios, acupuncturists and counsellors sharing a converted chapel on Wilmslow Road. "
        "Runs a low-cost clinic on Wednesday evenings, staffed by members in rotation.",
        "physiotherapy;counselling;osteopathy;workplace wellbeing sessions",
        slug="withingtonwellbeing",
    ),
    org(
        "mcr-didsbury", "Lapwing Books Co-operative Limited", "wco", "retail", "47610", "arts;edu", 2019,
        "A children's bookshop with a reading nook under the stairs, bought from its retiring owner by the "
        "three booksellers who worked there. Runs Saturday story times in Urdu, Polish and English and "
        "supplies book boxes to nurseries.",
        "children's books;school book fairs;nursery book boxes",
        slug="lapwingbooks",
    ),
    org(
        "mcr-didsbury", "Didsbury Pavilion Sports Club Limited", "club", "sport", "93120", "arts;health",
        1904,
        "Cricket, tennis and crown green bowls club with a 1904 pavilion, owned by its 900 members. Junior "
        "sections train every weeknight in summer, and the bar is staffed by volunteers, mostly parents.",
    ),
    org(
        "mcr-mossside", "Moss Lane Athletic Supporters' Society Limited", "cbs", "sport", "93120",
        "arts;space", 2012,
        "Supporters' society that owns Moss Lane Athletic, a fan-founded non-league club playing at a "
        "shared community ground in Moss Side. Season tickets are pay-what-you-can for under-18s, and the "
        "women's team gets the same budget as the men's.",
        slug="mosslaneathletic",
    ),
    org(
        "mcr-gorton", "The Foundry Tavern Community Pub Limited", "cbs", "food", "56302", "food;space", 2022,
        "A Victorian corner pub bought by its regulars and neighbours in 2022 with a community share offer "
        "and a loan from a social lender. Reopened with a pie-and-peas menu, a Sunday carvery and a back "
        "room for brass band practice.",
        "function room hire;pub food;buffets for wakes and parties",
        other_names="The Foundry",
        slug="foundrytavern",
    ),
    org(
        "mcr-levenshulme", "Chapel Street Makers' Market Co-operative Limited", "self", "retail", "47890",
        "arts;goods", 2014,
        "Makers and traders who ran a monthly weekend market in a school car park, with food stalls, "
        "vintage clothes and local ceramics. Wound up in 2019 when the school redeveloped the car park.",
        dissolved=2019,
    ),
    org(
        "mcr-ancoats", "Redhill Street Brewery Co-operative Limited", "wco", "manuf", "11050",
        "food;industry", 2015,
        "Small brewery in a railway arch making unfined cask and keg beer for pubs and bottle shops around "
        "Manchester. The brewers bought out the founder in 2015 and run it as a worker co-op; the taproom "
        "opens on Fridays and Saturdays.",
        "cask and keg beer;bottled beer;event bar hire;own-label beer",
        slug="redhillbrewery",
    ),
    org(
        "mcr-hulme", "Boundary Lane Bike Workshop CIC", "cic", "transport", "95290", "transport;reuse;edu",
        2010,
        "Community bike workshop under a railway bridge, open four days a week for cheap repairs, DIY "
        "sessions with a mechanic on hand and rebuilt donated bikes. Thursday evenings are for women and "
        "non-binary riders.",
        "bike repairs;refurbished bikes;cycle maintenance courses;Dr Bike sessions for employers",
        slug="boundarylanebikes",
    ),
    org(
        "mcr-oxrd", "Oxford Road Student Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        2017,
        "Student-run housing co-op renting out a converted mill annexe near the universities to 38 students "
        "at around two thirds of the market rent. Members hold weekly house meetings and hand the co-op on "
        "to the next intake each summer.",
        slug="studenthousingmcr",
    ),
    org(
        "mcr-centre", "Granby Row Advice Co-operative Ltd", "wco", "pro", "69109", "camp;money", 2015,
        "Welfare rights and debt advisers organised as a worker co-op, taking referrals from GP practices, "
        "food banks and schools. Helps around 2,000 people a year claim benefits they are owed and "
        "represents them at tribunals.",
        "welfare benefits advice;debt advice;tribunal representation;training for frontline staff",
        slug="granbyrowadvice",
    ),
    org(
        "mcr-nq", "Hilton Street Games Co-operative Ltd", "wcc", "digital", "58210", "arts", 2018,
        "Independent games studio of nine developers, artists and a composer who own the company equally. "
        "Makes its own narrative games and takes contract work on learning apps for museums and charities.",
        "game development;educational apps;interactive exhibits",
        slug="hiltonstreetgames",
    ),
    org(
        "mcr-nq", "Oldham Street Vinyl Co-operative Limited", "wco", "retail", "47630", "arts", 2006,
        "Record shop run by five music obsessives, with a mezzanine stage for in-store gigs. It closed in "
        "2017 when the building was sold for flats.",
        dissolved=2017,
    ),
    org(
        "mcr-chorlton", "Wilbraham Road Fixers", "comm", "other", "", "reuse", None,
        "Once a month we take over the upstairs room of the library with sewing machines, soldering irons "
        "and a lot of screwdrivers. Our volunteer fixers mended 412 things last year. Everything is free, "
        "apart from the cake.",
        address="Upstairs at the library, Manchester Road",
    ),
    org(
        "mcr-levenshulme", "Cromwell Grove Community Fridge", "comm0", "other", "", "food;reuse", 2021,
        "A fridge outside the community hall, filled by neighbours, two bakeries and a supermarket's "
        "leftovers. We check it twice a day, bin anything past its date and always need volunteers with "
        "cool bags.",
        address="Outside the community hall, Cromwell Grove",
        no_region=True,
    ),
    org(
        "mcr-cheetham", "Cheetham Hill Mutual Aid", "comm", "health", "", "health;camp", 2020,
        "Neighbours helping neighbours since spring 2020: we collect prescriptions, help with forms and "
        "phone calls in eight languages, and run a coat and school-shoe swap every autumn. Message the "
        "group and someone nearby will pick it up.",
        no_region=True,
    ),
    org(
        "mcr-cheetham", "Elizabeth Street Community Kitchen CIC", "cic", "food", "56290", "food;edu", 2019,
        "Community kitchen in a converted warehouse where six local cooks make hot breakfasts for school "
        "breakfast clubs and sell lunches to nearby businesses. Also trains unemployed young people for "
        "their food hygiene certificates.",
        "school breakfast supply;office lunches;food hygiene training;kitchen hire",
        slug="elizabethstreetkitchen",
    ),
    org(
        "mcr-miles", "Varley Street Community Hub Limited", "cbs", "other", "94990", "space;food", 2014,
        "Owns and runs a former social club as a community hub with a café, a gym, a launderette and office "
        "space for local charities. Bought in 2014 with a community share offer and a council asset "
        "transfer.",
        "room hire;office space;launderette",
        slug="varleystreethub",
    ),
    org(
        "mcr-miles", "Collyhurst Engineering Co-operative Limited", "wco", "manuf", "25620", "industry", 1978,
        "Precision engineering workshop making parts for the bus and rail industry, bought by its workforce "
        "in 1978 when the parent firm closed its Manchester works. Still owned by the seventeen people who "
        "work there, several of them sons and daughters of the original members.",
        "CNC machining;fabrication;rail and bus components;prototyping",
        slug="collyhurstengineering",
    ),
    org(
        "mcr-whalley", "Alexandra Road Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        1975,
        "Owns four large Edwardian houses in Whalley Range, divided into 22 flats for members. Founded in "
        "1975 by a group of teachers and nurses, it keeps a waiting list but tends to favour people already "
        "living in south Manchester.",
    ),
    org(
        "mcr-whalley", "Whalley Range Forest School Co-operative Ltd", "wco", "edu", "85590", "edu;nature",
        2016,
        "Forest school leaders running outdoor sessions in local parks for nurseries, primary schools and "
        "home-educated children. All members are qualified practitioners and split the income after paying "
        "into a shared kit fund.",
        "forest school sessions;outdoor learning for schools;holiday clubs;staff training",
        slug="whalleyforestschool",
    ),
    org(
        "mcr-rusholme", "Claremont Road Women's Gym Co-operative Limited", "cons", "sport", "93130",
        "health;space", 2019,
        "Women-only gym and studio with classes in English, Urdu and Arabic, owned by its members. "
        "Childcare runs alongside the morning classes, and membership is cheaper for people on Universal "
        "Credit.",
        "fitness classes;gym membership;corporate wellbeing sessions",
        slug="claremontwomensgym",
    ),
    org(
        "mcr-fallowfield", "Landcross Studios Co-operative Limited", "self", "arts", "90030", "arts;space",
        2008,
        "Artists' studio co-op in a former printworks, with 26 studios, a shared woodshop and a project "
        "space. Members manage the building themselves and give two free studios a year to new art "
        "graduates.",
        "studio hire;art commissions;exhibition space hire",
        slug="landcrossstudios",
    ),
    org(
        "mcr-ancoats", "Ancoats Data Co-operative Ltd", "wcc", "digital", "63110", "goods", 2020,
        "Data engineers and analysts helping councils, housing providers and charities tidy up, link and "
        "publish their data, with an emphasis on privacy. Owned by its eight workers and a founding member "
        "of a national federation of tech co-ops.",
        "data analysis;data protection audits;open data publishing;dashboards",
        slug="ancoatsdata",
    ),
    org(
        "mcr-centre", "Pennine Co-operative Services Limited", "sec", "pro", "70229", "goods;camp", 1999,
        "Secondary co-op owned by forty member co-ops across the North West, pooling payroll, HR, "
        "bookkeeping and legal services so that small co-ops don't have to buy them in one by one. Also "
        "runs a start-up programme for new worker co-ops.",
        "payroll services;bookkeeping;HR support;co-operative development advice",
        slug="penninecoopservices",
    ),
    org(
        "mcr-didsbury", "School Lane Hardware Co-operative Ltd", "wco", "retail", "47520", "goods;reuse",
        2023,
        "Old-fashioned hardware shop that will sell you a single screw, taken over in 2023 by its three "
        "staff when the owner of forty years retired. Also sharpens knives and cuts keys while you wait.",
        "hardware;key cutting;knife sharpening;small trade supplies",
        slug="schoollanehardware",
    ),
    org(
        "mcr-withington", "Copson Street Picture House Limited", "cbs", "arts", "59140", "arts;space", 2017,
        "Single-screen cinema in a 1920s picture house, reopened after twenty years as a bingo hall thanks "
        "to a £400,000 community share issue. Shows new releases, relaxed screenings for autistic audiences "
        "and a Saturday morning kids' club at £2.",
        "venue hire;private screenings;school screenings",
        slug="copsonpicturehouse",
    ),
    org(
        "mcr-chorlton", "Chorlton Park Heat Co-operative Ltd", "cons", "energy", "35300", "energy", 2024,
        "Brand-new co-op of residents around Chorlton Park looking into a shared ground-source heat network "
        "under the park. Registered in 2024, it has 140 members and a feasibility study paid for by a "
        "council grant.",
        slug="chorltonparkheat",
    ),
    org(
        "mcr-hulme", "Hulme Community Theatre Co-operative Ltd", "wcc", "arts", "90010", "arts;edu", 1996,
        "Theatre company owned by its actors and stage managers, touring plays about housing, work and "
        "migration to community centres, prisons and schools across the North West. Commissions a new piece "
        "from a local writer every year.",
        "touring theatre;drama workshops;forum theatre for training",
        slug="hulmetheatre",
    ),
    org(
        "mcr-mossside", "Moss Side Caribbean Catering Co-operative Limited", "wco", "food", "56210", "food",
        2005,
        "Jerk chicken, curry goat, rice and peas and a fierce rum cake, cooked by five members who learned "
        "from their mothers and grandmothers. Caters weddings, funerals, carnivals and council events, and "
        "runs a Friday lunch counter.",
        "event catering;Caribbean food;buffets;carnival food stalls",
        slug="mosssidecaribbean",
    ),
    org(
        "mcr-mossside", "Princess Road Garage Co-operative Ltd", "wco", "transport", "45200",
        "transport;reuse", 1999,
        "MOT and repair garage owned by its mechanics since 1999, with a sideline in servicing minibuses "
        "for community groups and cabs for local drivers. Known for explaining the fault before fixing it.",
        "MOT testing;vehicle servicing;minibus maintenance;fleet repairs",
        slug="princessroadgarage",
    ),
    org(
        "mcr-ardwick", "Ardwick Green Community Land Trust Limited", "cbs", "housing", "41100", "housing",
        2019,
        "Community land trust that has built twelve affordable homes on a former pub site and is working on "
        "a second scheme for older residents who want to downsize without leaving the area. Rents are "
        "linked to local incomes, for good.",
        slug="ardwickgreenclt",
    ),
    org(
        "mcr-gorton", "Hyde Road Furniture Reuse Limited", "se", "other", "47790", "reuse;goods", 2011,
        "Collects unwanted furniture and white goods, tests and repairs them and sells them cheaply, with "
        "free starter packs for people moving on from homelessness. Employs fourteen people, half of whom "
        "came to it through a work placement.",
        "house clearance;reused furniture;white goods;furniture packs for tenancies",
        slug="hyderoadreuse",
    ),
    org(
        "mcr-cheetham", "Cheetham Hill Mural Collective CIC", "cic", "arts", "90030", "arts", 2021,
        "Mural painters and sign-writers who design public artworks with residents, from shutter paintings "
        "on takeaways to a forty-metre wall about the area's history of migration. Trains young painters "
        "through paid apprenticeships.",
        "murals;shutter art;sign-writing;community art workshops",
        slug="cheethammurals",
    ),
    org(
        "mcr-fallowfield", "Landcross Road Tenants' Co-operative Limited", "hsgc", "housing", "68209",
        "housing", 2011,
        "Short-life housing co-op that leased empty terraced houses from a housing association and repaired "
        "them. Wound up in 2020 when the last leases ended and the houses were sold.",
        dissolved=2020,
    ),
    org(
        "mcr-levenshulme", "Levenshulme Community Minibus Co-operative Ltd", "multi", "transport", "49390",
        "transport", 2008,
        "Two accessible minibuses to hire with or without a volunteer driver, for youth clubs, mosques, "
        "churches and lunch clubs in south-east Manchester. Groups that hire them become members and elect "
        "the board.",
        "minibus hire;accessible transport;minibus driver training",
        slug="levyminibus",
    ),
    org(
        "mcr-nq", "Dale Street Co-working Co-operative Ltd", "self", "other", "82990", "space;goods", 2013,
        "Co-working space on two floors of an old warehouse, owned by the freelancers who work there rather "
        "than a landlord. Desks from £90 a month, meeting rooms for community groups at cost and a very "
        "serious coffee rota.",
        "desk hire;meeting room hire;event space",
        slug="dalestreetcoworking",
    ),
    org(
        "mcr-hulme", "Manchester Popular Education Co-operative Limited", "wco", "edu", "85590", "edu;camp",
        2017,
        "Adult educators running courses on co-operation, community organising and economics for trade "
        "unions, tenants' groups and co-ops, in the tradition of the workers' education movement. Also "
        "designs training for councils starting community wealth building programmes.",
        "training courses;facilitation;community organising training;curriculum design",
        slug="popularedmcr",
    ),
    org(
        "mcr-centre", "Chorlton Street Stewards Co-operative Ltd", "wco", "other", "80100", "goods", 2012,
        "Event stewards and door staff organised as a worker co-op, working gigs, marches, festivals and "
        "football matches. All members hold SIA licences and de-escalation training, and the co-op turns "
        "down work from eviction firms.",
        "event stewarding;SIA door supervision;crowd management;first aid cover",
        slug="chorltonstreetstewards",
    ),
    org(
        "mcr-didsbury", "Mersey Valley Tree Surgeons Co-operative Ltd", "wco", "energy", "81300",
        "nature;goods", 2010,
        "Arborists who left a big contractor to form their own co-op. They work for parks departments, "
        "schools and residents across south Manchester and turn the timber they fell into firewood and "
        "benches.",
        "tree surgery;tree surveys;firewood;woodland management",
        slug="merseyvalleytrees",
    ),
    org(
        "mcr-longsight", "Longsight Meals on Wheels Co-operative Ltd", "multi", "health", "88100",
        "food;health", 2016,
        "Delivers hot halal, vegetarian and Caribbean meals to older and disabled people at home, cooked in "
        "a shared kitchen and brought round by drivers who also check in on each client. Owned by its staff "
        "and the people who receive the meals.",
        "meals on wheels;hot meal delivery;lunch club catering",
        slug="longsightmeals",
    ),
    org(
        "mcr-rusholme", "Rusholme Community Wi-Fi Limited", "cons", "digital", "61900", "util;edu", 2021,
        "Member-owned wireless network bringing cheap broadband to 600 flats in four blocks, with free "
        "connections for families on free school meals. Volunteers run a Saturday help desk for anyone "
        "setting up a tablet or phone.",
        "community broadband;digital inclusion sessions",
        slug="rusholmewifi",
    ),
    org(
        "mcr-withington", "Withington Toy Library", "cio", "edu", "77290", "reuse;edu", 2015,
        "Lends toys, baby slings and party kits to families in south Manchester for a small annual fee, and "
        "runs stay-and-play sessions. A registered charity run by volunteer parents with one part-time "
        "coordinator.",
        "toy loans;party kit hire;stay-and-play sessions",
        slug="withingtontoylibrary",
    ),
    org(
        "mcr-gorton", "Wellington Street Shed", "cio", "health", "94990", "reuse;health;space", 2019,
        "Workshop where retired and out-of-work men (and a growing number of women) make bird boxes, fix "
        "furniture and chat over tea. Takes commissions for planters and benches from schools and parks "
        "groups.",
        "planters;benches;bird boxes;small joinery commissions",
        slug="wellingtonstreetshed",
    ),
    org(
        "mcr-ancoats", "Murray Street Neon Co-operative Ltd", "wco", "manuf", "27400", "arts;industry", 2017,
        "Neon and LED sign-makers bending glass by hand in a mill basement, making signs for bars, theatres "
        "and film sets. Founded by two glass benders and an electrician; now six members and an apprentice.",
        "neon signs;LED signage;film and theatre props;sign repairs",
        slug="murraystreetneon",
    ),
)


PRESTON: tuple[Spec, ...] = (
    org(
        "pr-centre", "Guild City Catering Co-operative Limited", "wco", "food", "56290", "food", 2018,
        "Worker co-op set up with help from the city's co-operative development programme to bid for "
        "catering contracts that used to go to national firms. Now supplies sandwiches, hot lunches and "
        "conference food to the council, the university and two colleges, cooking with Lancashire meat and "
        "dairy.",
        "contract catering;conference catering;office lunches;hospitality for events",
        slug="guildcitycatering",
    ),
    org(
        "pr-deepdale", "Deepdale Print Works Co-operative Ltd", "wco", "manuf", "18129", "goods", 2017,
        "Print co-op formed when the staff of a closing family printer bought its machinery. Prints exam "
        "papers, prospectuses and patient leaflets for public bodies across Lancashire, and promises a "
        "48-hour turnaround on short runs.",
        "litho and digital printing;exam and prospectus printing;patient leaflets;large format printing",
        slug="deepdaleprint",
    ),
    org(
        "pr-ribbleton", "Ribbleton Cleaning Co-operative Limited", "wco", "other", "81210", "goods", 2019,
        "Fourteen cleaners, most of them women from Ribbleton and Deepdale, who own the business they work "
        "for. Contracts include the city's museums, two GP practices and a college campus, all paid at the "
        "real living wage.",
        "commercial cleaning;healthcare cleaning;window cleaning;post-construction cleans",
        slug="ribbletoncleaning",
    ),
    org(
        "pr-maudland", "Maudland Digital Co-operative Ltd", "wcc", "digital", "62020", "goods", 2016,
        "IT co-op providing managed support, cyber security and cloud migrations for schools, charities and "
        "parish councils in Lancashire. Eight members, an apprenticeship scheme with the local college, and "
        "every support call answered by a person in Preston.",
        "IT support;cyber security;cloud migration;school IT contracts",
        slug="maudlanddigital",
    ),
    org(
        "pr-centre", "Fishergate Accountants Co-operative LLP", "llp", "pro", "69201", "money", 2014,
        "Accountancy partnership owned by its staff, doing bookkeeping, payroll and year-end accounts for "
        "around 300 small firms, co-ops and charities in Central Lancashire. Runs free bookkeeping clinics "
        "for new co-ops.",
        "bookkeeping;payroll;annual accounts;co-operative start-up support",
        slug="fishergateaccountants",
    ),
    org(
        "pr-fishwick", "New Hall Lane Builders Co-operative Limited", "wco", "housing", "41202",
        "housing;goods", 2015,
        "Twelve tradespeople doing void refurbishments for social landlords, adaptations for the county "
        "council and small extensions. Recruits apprentices from local schools, and three former "
        "apprentices are now members.",
        "void property refurbishment;home adaptations;extensions;general building",
        slug="newhalllanebuilders",
    ),
    org(
        "pr-deepdale", "Lancashire Food Buyers Co-operative Limited", "multi", "retail", "46390", "food;agri",
        2020,
        "Multi-stakeholder co-op linking farms in the Ribble Valley and the Fylde with school kitchens, the "
        "hospital trust and university canteens. Farmers, catering staff and the public bodies that buy "
        "from it all hold shares, and prices are agreed a season ahead.",
        "local food wholesale;meat and dairy supply;seasonal vegetables;public sector food procurement",
        slug="lancsfoodbuyers",
    ),
    org(
        "pr-fulwood", "Fulwood Homecare Co-operative Limited", "multi", "health", "88100", "health", 2019,
        "Home care owned by care workers and the families they support, set up after the council's "
        "commissioners asked for a co-operative alternative to agency care. Carers are salaried on a "
        "37-hour week and never given fifteen-minute calls.",
        "home care;domiciliary care;end-of-life care;council care packages",
        slug="fulwoodhomecare",
    ),
    org(
        "pr-avenham", "Avenham Lane Café Co-operative Ltd", "wco", "food", "56102", "food", 2016,
        "Neighbourhood café and bakery owned by its six staff, serving full breakfasts, stews and homemade "
        "Eccles cakes. Also sends platters over for meetings at the nearby council offices.",
        "café;meeting platters;cakes;outside catering",
        slug="avenhamlanecafe",
    ),
    org(
        "pr-centre", "Central Lancashire Interpreters Co-operative Ltd", "wco", "pro", "74300",
        "health;goods", 2012,
        "Interpreters in Gujarati, Urdu, Punjabi, Polish, Arabic and Kurdish, working mostly in hospitals, "
        "GP surgeries and courts across Lancashire. Members own the co-op equally and set a two-hour "
        "minimum booking so that interpreting pays a living.",
        "face-to-face interpreting;telephone interpreting;document translation",
        slug="clinterpreters",
    ),
    org(
        "pr-ribbleton", "Lamb & Flag Credit Union Limited", "cu", "finance", "64191", "money", 1994,
        "Credit union named after the lamb on the city's crest, open to anyone who lives or works in "
        "Preston, Chorley and South Ribble. Many of its 6,000 members save through payroll deductions at "
        "the council, the hospital trust and the university.",
        "payroll savings;affordable loans;Christmas savings club",
        other_names="Lamb and Flag CU",
        slug="lambandflagcu",
    ),
    org(
        "pr-ribbleton", "Ribbleton Athletic Supporters' Society Limited", "cbs", "sport", "93120",
        "arts;space", 2011,
        "Supporters' society that has owned Ribbleton Athletic since the previous chairman walked away in "
        "2011. Volunteers cut the grass, run the tea hut and drive the minibus for the under-11s.",
        slug="ribbletonathletic",
    ),
    org(
        "pr-plungington", "The Plungington Tavern Community Society Limited", "cbs", "food", "56302",
        "food;space", 2020,
        "Terraced-street local that sat boarded up for three years before 280 residents bought it in 2020. "
        "Serves Lancashire hotpot on Thursdays and hosts the darts league, a community choir and a "
        "debt-advice surgery.",
        "function room hire;pub food;hotpot suppers for groups",
        other_names="The Plungington",
        slug="plungingtontavern",
    ),
    org(
        "pr-centre", "Red Rose Design Co-operative Ltd", "wco", "digital", "74100", "arts;goods", 2018,
        "Websites, social media and print for Lancashire charities, GP federations and the city's cultural "
        "venues, plus wayfinding and signs for public buildings. Five members, all Preston-born, and a "
        "weakness for bold colour.",
        "branding;web design;social media;wayfinding and signage design",
        slug="redrosedesign",
    ),
    org(
        "pr-ashton", "Ashton Joinery Co-operative Limited", "wco", "manuf", "16230", "industry", 2017,
        "Joiners making fitted furniture, classroom storage and reception desks for schools, libraries and "
        "offices. Formed in 2017 by former workers of a shopfitting firm, it now supplies two local "
        "authorities under framework agreements.",
        "fitted furniture;school storage;shopfitting;reception counters",
        slug="ashtonjoinery",
    ),
    org(
        "pr-ribbleton", "Ribbleton Lane Laundry Co-operative Ltd", "wco", "other", "96010", "goods", 2020,
        "Commercial laundry washing bedding and towels for care homes, table linen for restaurants and kit "
        "for sports clubs. Set up through the city's co-operative network after the council moved its "
        "laundry contract away from a national firm.",
        "commercial laundry;care home linen;restaurant linen;sports kit washing",
        slug="ribbletonlaundry",
    ),
    org(
        "pr-fulwood", "Fulwood Green Childcare Co-operative Limited", "multi", "edu", "88910", "edu", 2021,
        "Nursery and out-of-school club near the hospital, owned by staff and parents, with early and late "
        "sessions built around shift patterns. Forty places, a garden with chickens and a cook who makes "
        "everything from scratch.",
        "nursery places;after-school club;holiday club",
        slug="fulwoodgreenchildcare",
    ),
    org(
        "pr-maudland", "Proud Preston Community Energy Society Limited", "cbs", "energy", "35110", "energy",
        2017,
        "Owns solar arrays on a leisure centre, a bus depot and three schools, financed by a community "
        "share offer and a loan from a public-sector pension fund. Sells the electricity to the building "
        "owners for less than the grid price.",
        "community solar;discounted electricity;energy efficiency grants",
        slug="proudprestonenergy",
    ),
    org(
        "pr-centre", "Red Rose Couriers Co-operative Ltd", "wco", "transport", "53202", "transport;goods",
        2018,
        "Bike and e-cargo courier co-op carrying internal post between council buildings, prescriptions for "
        "pharmacies and lunches for the city's catering co-op. Riders work set shifts, and the e-bikes are "
        "leased from a local firm.",
        "courier services;e-cargo delivery;internal mail runs;prescription delivery",
        slug="redrosecouriers",
    ),
    org(
        "pr-deepdale", "St Gregory Road Metalworks Co-operative Limited", "wco", "manuf", "25110", "industry",
        1982,
        "Fabricators and welders making steel staircases, railings and bus shelters, owned by the workforce "
        "since a buyout in 1982. Has supplied the county's highways department for three decades.",
        "steel fabrication;railings and gates;bus shelters;structural steel",
        slug="stgregorymetalworks",
    ),
    org(
        "pr-plungington", "Moor Park Litter Pickers", "comm", "other", "", "nature", None,
        "We're neighbours who meet at the park gates on the last Sunday of the month with grabbers and bin "
        "bags. Kids welcome, dogs welcome, and we finish at the café. We've also planted 400 bulbs along "
        "Garstang Road.",
        address="Meet at the park gates, Moor Park Avenue",
    ),
    org(
        "pr-avenham", "Frenchwood Tenant Management Co-operative Limited", "tmos", "housing", "68320",
        "housing", 2002,
        "Tenant management co-op running repairs, cleaning and lettings for 340 homes in Frenchwood and "
        "Avenham owned by the city's tenant-led housing association. The board of residents meets monthly, "
        "and the office on Frenchwood Street is open every weekday morning.",
        slug="frenchwoodtmc",
    ),
    org(
        "pr-fishwick", "Ribble Bank Growers Co-operative Limited", "prod", "agri", "01130", "agri;food", 2016,
        "Five small growers who share a tractor, a packing shed and a cold store on the edge of Fishwick, "
        "selling salad and veg to restaurants and to the city's food buyers' co-op. Members stay "
        "independent but sell under one name.",
        "salad leaves;seasonal vegetables;veg boxes;restaurant supply",
        slug="ribblebankgrowers",
    ),
    org(
        "pr-centre", "Winckley Square Training Co-operative Ltd", "wco", "edu", "85320", "edu", 2013,
        "Trainers teaching food hygiene, first aid, health and safety and forklift certificates, mainly to "
        "people going back to work. Owned by its nine tutors; much of the work is subcontracted by the "
        "council's employment programme.",
        "first aid training;food hygiene courses;health and safety training;forklift training",
        slug="winckleytraining",
    ),
    org(
        "pr-ashton", "Ashton-on-Ribble Bowling Club Limited", "club", "sport", "93120", "health", 1908,
        "Crown green bowls club with two greens and a clubhouse, owned by its members since 1908. Open "
        "afternoons for beginners in summer, and the winter carpet bowls league is fiercely contested.",
        slug="ashtonbowls",
    ),
    org(
        "pr-fulwood", "Fulwood Music Teachers' Co-operative Ltd", "self", "edu", "85520", "arts;edu", 2010,
        "Thirty visiting music teachers who formed a co-op after the county music service cut back, and now "
        "sell instrumental lessons directly to schools. Members share a booking office, a stock of "
        "instruments and a summer orchestra course.",
        "instrumental music lessons;school music provision;instrument hire;holiday music courses",
        slug="fulwoodmusicteachers",
    ),
    org(
        "pr-centre", "Church Street Coffee Roasters Co-operative Ltd", "wco", "manuf", "10830", "food", 2019,
        "Small-batch roasters buying direct from coffee co-operatives in Peru, Rwanda and Sumatra. Roasts "
        "twice a week in a former tailor's workshop and supplies cafés, offices and the university.",
        "roasted coffee;office coffee supply;wholesale to cafés;barista training",
        slug="churchstreetroasters",
    ),
    org(
        "pr-deepdale", "Skeffington Road Bakery Co-operative Limited", "wco", "manuf", "10710", "food", 2018,
        "Bakery supplying bread rolls, pies and traybakes to school kitchens, the hospital's staff canteen "
        "and corner shops across the east of the city. Started by bakers from a supermarket bakery that "
        "closed.",
        "bread rolls;meat and potato pies;traybakes;school bakery supply",
        slug="skeffingtonbakery",
    ),
    org(
        "pr-centre", "Fishergate Hill Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        2010,
        "Eight flats in a converted Victorian townhouse near the station, bought in 2010 by the tenants "
        "with a mortgage from a co-operative bank. Members share the maintenance and keep one flat for a "
        "young person leaving care.",
    ),
    org(
        "pr-plungington", "Moor Park Studios Co-operative Ltd", "self", "arts", "90030", "arts", 2012,
        "Painters, illustrators and a stained-glass maker sharing a former Sunday school as studios, with a "
        "gallery that opens on the first Friday of each month. Members buy in and out at par, which keeps "
        "the rents low.",
        "art commissions;stained glass restoration;illustration;gallery hire",
        slug="moorparkstudios",
    ),
    org(
        "pr-maudland", "Corporation Street Scaffolders Co-operative Limited", "wco", "other", "43999",
        "goods", 2021,
        "Scaffolding firm bought by its workforce in 2021 with help from the council's co-operative support "
        "team, when the founder wanted to retire without selling to a competitor. Puts up scaffolds for "
        "housing repairs, church roofs and events.",
        "scaffolding hire;temporary roofs;event staging;edge protection",
        slug="corporationstreetscaffolders",
    ),
    org(
        "pr-centre", "Preston Taxi Drivers' Co-operative Limited", "self", "transport", "49320", "transport",
        2009,
        "Hackney carriage drivers who formed a co-op to run their own booking app and radio circuit instead "
        "of paying a private operator. Around ninety owner-drivers, a wheelchair-accessible fleet and "
        "account work for schools and the hospital.",
        "taxi accounts;school transport;wheelchair-accessible taxis;airport transfers",
        slug="prestontaxicoop",
    ),
    org(
        "pr-ribbleton", "Ribbleton Avenue Community Library", "cio", "edu", "91011", "edu;space", 2017,
        "Community-run library in the old council library building, kept open by volunteers after the "
        "county closed it. Lends books, runs job clubs and homework help, and hosts a baby rhyme time that "
        "has outgrown the room.",
        slug="ribbletonlibrary",
    ),
    org(
        "pr-fishwick", "New Hall Lane Social Club and Institute Limited", "club", "club", "56301", "space",
        1868,
        "Working men's club founded in 1868 that was, for most of the twentieth century, the biggest in the "
        "east of the town. It closed in 2015 with membership down to eighty, and the building is now a gym.",
        dissolved=2015,
    ),
    org(
        "pr-centre", "Guild Co-operatives Federation Limited", "sec", "other", "94110", "camp;goods", 2018,
        "Secondary co-op whose members are the worker co-ops of the Preston area. It shares a bid-writing "
        "team so members can tender jointly for public contracts, and runs a start-up fund built from "
        "member levies.",
        "joint tendering;bid writing;co-operative development;shared back-office services",
        slug="guildfederation",
    ),
    org(
        "pr-deepdale", "Deepdale Road Dental Practice Limited", "eot", "health", "86230", "health", 1988,
        "NHS and private dental practice founded in 1988 and transferred to an employee ownership trust in "
        "2021. The 26 staff, from dentists to receptionists, share the profits and elect two of the "
        "trustees.",
        "NHS dentistry;private dentistry;dental hygiene",
        slug="deepdaledental",
    ),
    org(
        "pr-maudland", "Fylde Road Food Co-operative Limited", "cons", "retail", "47110", "food", 2015,
        "Co-op grocery near the university campus selling fairly priced wholefoods, cleaning refills and "
        "fresh bread to students and residents. Members can work a shift for a discount, and the committee "
        "is half students, half neighbours.",
        "wholefoods;refill products;fresh bread",
        slug="fylderoadfood",
    ),
    org(
        "pr-ashton", "Preston Heat Pump Installers Co-operative Ltd", "wco", "energy", "43220",
        "energy;housing", 2022,
        "Plumbers and heating engineers who retrained to fit heat pumps and formed a co-op to take on "
        "public-sector retrofit work. Installs air- and ground-source systems in council houses, schools "
        "and church halls, and trains apprentices on its own test rig.",
        "heat pump installation;heating system design;boiler replacement;retrofit for social housing",
        slug="prestonheatpumps",
    ),
    org(
        "pr-centre", "Friargate Games & Comics Co-operative Ltd", "wco", "retail", "47650", "arts", 2013,
        "Board games, comics and tabletop gaming shop with a back room where the city's gaming groups meet "
        "most evenings. Owned by four members and run with a dash of chaos and a great many dice.",
        "board games;comics;event space for gaming groups",
        slug="friargategames",
    ),
    org(
        "pr-ribbleton", "Ribbleton Waste Savers Co-operative Limited", "wco", "energy", "38320", "reuse",
        2012,
        "Collects office furniture, IT equipment and mattresses from public-sector clear-outs, refurbishes "
        "what it can and recycles the rest. It has kept around 900 tonnes out of landfill since 2012 and "
        "employs people with convictions.",
        "office clearance;IT recycling and data wiping;furniture reuse;mattress recycling",
        slug="wastesavers",
    ),
    org(
        "pr-plungington", "Plungington Community Media CIC", "cic", "digital", "59111", "arts;edu", 2014,
        "Trained young people to make short films and podcasts about their neighbourhood, and made "
        "recruitment videos for local employers. It closed in 2020 when its founders moved away.",
        dissolved=2020,
    ),
    org(
        "pr-fishwick", "Fishwick House Care Co-operative Limited", "multi", "health", "87300", "health", 2016,
        "Thirty-bed residential home for older people, taken over by its staff and residents' families when "
        "the previous operator went into administration in 2016. Staff are paid well above the going rate "
        "and families sit on the board.",
        "residential care;respite care;day care",
        slug="fishwickhouse",
    ),
    org(
        "pr-deepdale", "East Preston Foodshare", "comm0", "food", "", "food;reuse", 2022,
        "We collect surplus bread, veg and tins from local shops on Friday afternoons and share them out at "
        "the mosque hall and the church hall on Saturdays. Everyone is welcome, and nobody asks why you're "
        "there.",
        no_region=True,
    ),
    org(
        "pr-avenham", "Social Value Partners LLP", "llp", "pro", "70229", "camp;goods", 2019,
        "Co-operative of consultants helping councils and hospital trusts write social value into their "
        "tenders, and helping small local suppliers answer them. Its partners include two former council "
        "procurement officers.",
        "social value consultancy;procurement training;supplier development;community wealth building advice",
        slug="socialvaluepartners",
    ),
    org(
        "pr-centre", "Guildhall Street Events Co-operative Ltd", "wco", "arts", "82302", "arts;goods", 2016,
        "Event production co-op providing sound, lighting and stewarding for festivals, conferences and the "
        "city's summer events programme. Owned by eleven technicians, who hire local crew first.",
        "event production;sound and lighting hire;stage management;conference AV",
        slug="guildhallevents",
    ),
)


TORBAY: tuple[Spec, ...] = (
    org(
        "tq-brixham", "Brixham Inshore Fishermen's Co-operative Limited", "prod", "agri", "03110",
        "food;agri", 1971,
        "Owner-skippers of eighteen day boats landing crab, lobster, cuttlefish and scallops, who share a "
        "chiller, an ice machine and a bait store near the fish quay. The co-op sells direct to restaurants "
        "around the Bay and handles members' licence and catch paperwork.",
        "fresh crab and lobster;cuttlefish;scallops;wholesale fish for restaurants",
        slug="brixhaminshore",
    ),
    org(
        "tq-brixham", "Bolton Street Chandlery Co-operative Ltd", "wco", "retail", "47789", "goods;reuse",
        1989,
        "Marine chandlery and net loft owned by its staff since 1989, supplying rope, oilskins and engine "
        "spares to the fishing fleet and anyone else who asks. One of the last places in Devon still "
        "braiding trawl nets by hand.",
        "marine chandlery;net making and repair;workwear;engine spares",
        slug="boltonstreetchandlery",
    ),
    org(
        "tq-brixham-higher", "Higher Brixham Community Shop Limited", "cbs", "retail", "47110", "food;space",
        2014,
        "Shop and café in the old school, opened by residents when the last convenience store up the hill "
        "closed. Stocks local eggs and bread, fish landed in Brixham on Fridays, and runs a free delivery "
        "round for people who can't get out.",
        "groceries;home delivery;café",
        slug="higherbrixhamshop",
    ),
    org(
        "tq-brixham", "Brixham Sea Swimmers' Society Limited", "cons", "sport", "93199", "health;nature",
        2018,
        "Sea-swimming club whose 400 members swim all year from the breakwater, with volunteer spotters, a "
        "sauna trailer and a wetsuit swap. Runs free sessions for people referred by their GP for low mood.",
        slug="brixhamseaswimmers",
    ),
    org(
        "tq-brixham-higher", "Fishcombe Smokehouse Co-operative Ltd", "wco", "manuf", "10200", "food", 2012,
        "Four former trawlermen and a chef hot- and cold-smoking fish from the Brixham market, from "
        "mackerel and haddock to pollock. Sells to delis and farm shops across South Devon and by post.",
        "smoked fish;fish pâté;wholesale to delis;hampers",
        slug="fishcombesmokehouse",
    ),
    org(
        "tq-brixham-higher", "Kennedy Way Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        2008,
        "Fifteen homes for local families on a former council-owned field, owned and managed by the "
        "tenants. Set up so that fishing and hospitality workers priced out by holiday lets could stay in "
        "the town.",
    ),
    org(
        "tq-brixham", "Cavern Road Makers Co-operative Ltd", "self", "arts", "47789", "arts;goods", 2016,
        "Shop run by twenty local makers (potters, jewellers and painters) who took turns behind the "
        "counter. It closed in 2023 when the lease ended; several members now sell at the town's craft "
        "market.",
        dissolved=2023,
    ),
    org(
        "tq-brixham-higher", "Higher Brixham Warm Space", "comm", "health", "", "health;space", 2022,
        "We open the church hall on winter Tuesdays and Thursdays with hot soup, board games, phone "
        "charging and a bit of company. No need to book. If you'd like to help, we need people who can make "
        "a big pot of soup.",
        address="Church hall, Milton Street",
        no_region=True,
    ),
    org(
        "tq-torquay", "Riviera Savers Credit Union Limited", "cu", "finance", "64191", "money", 2001,
        "Serves people living or working in Torbay and the South Hams from a branch above a shop on Union "
        "Street. Seasonal hospitality workers can save through the summer and borrow small, cheap loans in "
        "the lean months.",
        "affordable loans;seasonal savings accounts;payroll savings",
        slug="rivierasavers",
    ),
    org(
        "tq-torquay", "The Old Pimlico Inn Community Society Limited", "cbs", "food", "56302", "food;space",
        2023,
        "A tiny Georgian pub off Union Street bought in 2023 by 410 shareholders, many of whom had drunk "
        "there for decades. Sells cider from three Devon makers and hosts a sea-shanty session on Mondays.",
        "function room hire;local cider",
        other_names="The Old Pimlico",
        slug="oldpimlico",
    ),
    org(
        "tq-torquay", "Torquay Hospitality Workers' Co-operative Limited", "wco", "food", "56210", "food",
        2017,
        "Chefs, waiting staff and housekeepers who work the summer season formed this co-op to run events "
        "and catering all year instead of being laid off each October. Caters conferences, weddings and "
        "corporate events at venues around the Bay.",
        "event catering;weddings;conference catering;temporary hospitality staff",
        slug="torquayhospitality",
    ),
    org(
        "tq-torre", "Torre Printworks Co-operative Ltd", "wco", "manuf", "18129", "goods", 1994,
        "Print co-op that prints menus, brochures and holiday-park signs for much of the Bay's tourist "
        "trade, plus parish magazines and election leaflets. Seven members, most of whom have been there "
        "since it started in 1994.",
        "menus and brochures;signage;leaflets;short-run book printing",
        slug="torreprintworks",
    ),
    org(
        "tq-upton", "Upton Valley Care Co-operative Limited", "multi", "health", "88100", "health", 2014,
        "Home-care co-op in a town with one of the oldest populations in England, owned by sixty care "
        "workers and the people they visit. Works closely with district nurses and GP practices so care "
        "plans change as soon as someone's needs do.",
        "home care;reablement;dementia care;live-in care",
        slug="uptonvalleycare",
    ),
    org(
        "tq-plainmoor", "Marnham Road Community Gym CIC", "cic", "sport", "93130", "health;space", 2016,
        "Gym in a former garage with boxing bags, free weights and no mirrors, charging £15 a month and "
        "free to under-16s after school. Run by two youth workers who box and a volunteer physio.",
        "gym membership;boxing fitness classes;youth sessions",
        slug="marnhamroadgym",
    ),
    org(
        "tq-stmarychurch", "Fore Street Bakery Co-operative Ltd", "wco", "manuf", "10710", "food", 2021,
        "Bakery bought by its bakers from the family who ran it for three generations, keeping the splits, "
        "saffron buns and Devon flats that regulars queue for on Saturday mornings. Also supplies bread to "
        "cafés and two primary schools.",
        "bread and rolls;Devon splits and saffron buns;school bread supply;cream tea supplies",
        slug="forestreetbakery",
    ),
    org(
        "tq-hele", "Hele & Barton Community Hall Society Limited", "cbs", "other", "94990", "space", 1987,
        "Owns and manages the community hall used by a lunch club, a pre-school, three slimming groups and "
        "a Saturday youth club. Members are local residents; anyone can join for £1.",
        "hall hire;party bookings",
        slug="heleandbartonhall",
    ),
    org(
        "tq-hele", "Happaway Solar Community Benefit Society Limited", "cbs", "energy", "35110", "energy",
        2016,
        "Owns solar panels on Torbay schools, a swimming pool and a sheltered housing scheme, paid for by "
        "600 local investors. The surplus funds energy advice for people in fuel poverty, of whom the Bay "
        "has more than most.",
        "community solar electricity;fuel poverty advice",
        slug="happawaysolar",
    ),
    org(
        "tq-shiphay", "Cadewell Lane Nursery Co-operative Limited", "multi", "edu", "88910", "edu", 2013,
        "Day nursery near the hospital that opens at 7am for NHS shift workers, owned by its staff and "
        "parents. Forty-five places, a forest garden and menus planned with a dietitian.",
        "nursery places;funded places;holiday club",
        slug="cadewellnursery",
    ),
    org(
        "tq-shiphay", "Seventh Wave Digital Co-operative Ltd", "wcc", "digital", "62020", "goods", 2019,
        "Three web developers and an IT engineer looking after websites, booking systems and Wi-Fi for "
        "hotels, guest houses and holiday parks. Winter is for building; summer is for fixing things fast.",
        "website design;booking systems;guest Wi-Fi;IT support for hospitality",
        slug="seventhwave",
    ),
    org(
        "tq-torquay", "Bay Linen Co-operative Limited", "wco", "other", "96010", "goods", 2008,
        "Laundry co-op that washed bed linen and towels for guest houses and holiday flats. Dissolved in "
        "2018 after losing its two biggest hotel contracts; the machines went to a social enterprise in "
        "Exeter.",
        dissolved=2018,
    ),
    org(
        "tq-upton", "Upton & Ellacombe Community Land Trust Limited", "cbs", "housing", "41100",
        "housing;space", 2020,
        "Community land trust turning three empty shops and the flats above them into nine affordable homes "
        "and a ground-floor community café. Backed by 220 local members and a loan from a regional housing "
        "fund.",
        slug="uptonellacombeclt",
    ),
    org(
        "tq-torquay", "Bay Walks & Talks Co-operative Ltd", "self", "sport", "79120", "arts;nature", 2015,
        "Local guides (geologists, historians and a retired coastguard) leading walks along the geopark "
        "coast, ghost tours of the old town and school field trips. Members are self-employed and share "
        "bookings, insurance and a website.",
        "guided walks;school field trips;coach party tours",
        slug="baywalksandtalks",
    ),
    org(
        "tq-torre", "Riviera Ring & Ride Co-operative Limited", "multi", "transport", "49390",
        "transport;health", 2003,
        "Dial-a-ride minibuses for people who can't use ordinary buses, owned by drivers, volunteers and "
        "passengers. Runs shopping trips, hospital runs and a summer seaside outing for care-home "
        "residents.",
        "accessible transport;minibus hire;group outings",
        slug="rivieraringandride",
    ),
    org(
        "tq-paignton", "Winner Street Wholefoods Co-operative Limited", "cons", "retail", "47290", "food",
        1983,
        "Wholefood shop in Paignton's old town since 1983, owned by its customers and known for its bulk "
        "herbs, local honey and a noticeboard thick with yoga flyers. There's a small vegetarian café at "
        "the back.",
        "wholefoods;local honey;herbs and spices;vegetarian café",
        slug="winnerstreetwholefoods",
    ),
    org(
        "tq-paignton", "Hyde Road Arts Co-operative Ltd", "self", "arts", "90030", "arts;space", 2019,
        "Twelve artists who turned an empty shop unit into a gallery and studio, with a changing window and "
        "free family drawing sessions on the last Saturday of the month. Part of an effort to bring the "
        "high street back to life one unit at a time.",
        "art commissions;workshops;gallery hire",
        slug="hyderoadarts",
    ),
    org(
        "tq-paignton", "Church Street Community Kitchen CIC", "cic", "food", "56290", "food;edu", 2020,
        "Cookery school and community kitchen in a former bakery, teaching young care leavers to cook and "
        "serving a pay-as-you-feel supper on Fridays. Caters meetings and funeral teas, and the profits go "
        "back into the courses.",
        "cookery courses;meeting catering;funeral teas",
        slug="churchstreetkitchen",
    ),
    org(
        "tq-paignton", "Paignton Bike Shed CIC", "cic", "transport", "95290", "transport;reuse", 2018,
        "Repairs, sells and rents out bikes from a former tyre garage, and lends e-bikes to jobseekers who "
        "need to get to work at the holiday parks. Also teaches adults to ride.",
        "bike repairs;bike hire;e-bike loans;cycle training",
        slug="paigntonbikeshed",
    ),
    org(
        "tq-preston", "Torquay Road Tennis Club Limited", "club", "sport", "93120", "health", 1926,
        "Tennis club with four grass and three hard courts, owned by its members since 1926. Junior "
        "coaching on Saturdays, a social league for improvers and a waiting list for the grass-court "
        "season.",
    ),
    org(
        "tq-preston", "Polsham Park Hotel Co-operative Limited", "wco", "food", "55100", "food", 2020,
        "Twenty-room seaside hotel bought by its staff when the owners retired, with help from a "
        "co-operative loan fund. Open all year, with winter rates for families visiting patients in "
        "hospital.",
        "hotel rooms;conference room;group bookings;Sunday carvery",
        slug="polshampark",
    ),
    org(
        "tq-yalberton", "South Devon Veg Share Co-operative Limited", "multi", "agri", "01130", "agri;food",
        2012,
        "Community-supported agriculture on twelve acres at the edge of Paignton, owned by its 240 members "
        "and its three growers. Members pay a monthly share, collect a bag each week and turn out for the "
        "potato harvest.",
        "veg box subscriptions;salad for restaurants;farm visits for schools",
        slug="southdevonvegshare",
    ),
    org(
        "tq-yalberton", "Penwill Builders Co-operative Limited", "wco", "housing", "41202", "housing;goods",
        2010,
        "Builders and roofers doing repairs for housing associations and private landlords across the Bay, "
        "from slate roofs battered by salt wind to damp basements. Owned by its eleven workers, three of "
        "them former apprentices.",
        "roof repairs;damp treatment;void refurbishment;general building",
        slug="penwillbuilders",
    ),
    org(
        "tq-yalberton", "Long Road Boatbuilders Co-operative Ltd", "wco", "manuf", "30120", "industry", 1992,
        "Built and repaired wooden and GRP boats for local sailing clubs and fishermen. Dissolved in 2013 "
        "when the last two members retired.",
        dissolved=2013,
    ),
    org(
        "tq-paignton", "Bay Languages Co-operative Ltd", "wco", "pro", "74300", "goods;edu", 2016,
        "Polish, Romanian, Bulgarian and Portuguese speakers offering interpreting for hospitals and "
        "schools, ESOL classes for hospitality staff and translated menus and signs for businesses.",
        "interpreting;translation;ESOL for employers;translated signage",
        slug="baylanguages",
    ),
    org(
        "tq-upton", "Red Cliff Press Co-operative Limited", "wco", "digital", "58110", "arts", 2006,
        "Small publisher of Devon poetry, local history and walking guides, owned by its three editors. "
        "Runs a writing prize for Torbay schools every spring.",
        "book publishing;editing;self-publishing services",
        slug="redcliffpress",
    ),
    org(
        "tq-torre", "Torquay Railwaymen's Club and Institute Limited", "club", "club", "56301", "space;arts",
        1912,
        "Founded in 1912 for railway staff and now open to anyone who fancies a game of snooker and a quiet "
        "pint. The ballroom upstairs hosts tea dances on Wednesdays.",
    ),
)

STEVENAGE: tuple[Spec, ...] = (
    org(
        "sg-centre", "Six Hills Co-operative Society Limited", "cons", "retail", "47110", "food;goods", 1951,
        "Retail society founded in 1951 by the first tenants of the new town, who met in a hut before the "
        "town centre was built. It ran a department store, a dairy and six neighbourhood grocers before "
        "transferring its engagements to a larger regional society in 1994.",
        dissolved=1994,
    ),
    org(
        "sg-centre", "Town Square Traders' Co-operative Limited", "self", "retail", "47890", "goods;food",
        2017,
        "Independent traders who took on empty units in the 1950s shopping precinct on short leases and "
        "formed a co-op to share rent, rates advice and a marketing budget. Members include a Nepalese "
        "café, a tailor, a refill shop and a record dealer.",
        "retail units;street food;clothing alterations",
        slug="townsquaretraders",
    ),
    org(
        "sg-oldtown", "Letchmore Road Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        1977,
        "Formed in 1977 by tenants of a row of Victorian cottages in the Old Town that were due for "
        "clearance. They persuaded the development corporation to sell them the houses and still run them "
        "as a fully mutual co-op of eleven members.",
    ),
    org(
        "sg-bedwell", "Bedwell Crescent Neighbourhood Association Limited", "cbs", "other", "94990",
        "space;food", 1958,
        "One of the neighbourhood associations set up in the new town's first decade, when each "
        "neighbourhood was planned around a shopping parade, a pub and a community centre. Still owns its "
        "hall, runs a lunch club and a pre-school, and has 900 members.",
        "hall hire;lunch club;pre-school places",
        slug="bedwellassociation",
    ),
    org(
        "sg-shephall", "Village Shop Limited", "cbs", "retail", "47110", "food;space", 2019,
        "Small community-owned shop by the green in Shephall's old village, opened after residents "
        "campaigned to bring a shop back to the square. Sells local bread, eggs from Walkern and a "
        "surprising range of garden seeds; about 180 members.",
        "groceries;newspapers;garden seeds",
        slug="shephallvillageshop",
    ),
    org(
        "sg-gunnels", "Caxton Way Precision Co-operative Limited", "wco", "manuf", "25620", "industry", 1986,
        "Machine shop making precision components for aerospace and medical-equipment firms in "
        "Hertfordshire, owned by its 31 employees since a buyout in 1986. Runs a four-year apprenticeship "
        "with the local college.",
        "precision machining;CNC turning and milling;inspection and testing;prototyping",
        slug="caxtonprecision",
    ),
    org(
        "sg-gunnels", "Lytton Software Co-operative Ltd", "wcc", "digital", "62012", "goods", 2014,
        "Software engineers, several of them from the aerospace industry, building data tools, test "
        "software and accessible websites for public-sector clients. Eleven worker-owners and a strict "
        "no-overtime rule.",
        "software development;software testing;accessibility audits;data engineering",
        slug="lyttonsoftware",
    ),
    org(
        "sg-shephall", "Shephall Green Childcare Co-operative Ltd", "multi", "edu", "88910", "edu", 2009,
        "Pre-school and after-school club in a former scout hut, owned by parents and staff. Parents help "
        "with fundraising and the garden, and four free places a term are kept for families referred by "
        "health visitors.",
        "pre-school places;after-school club;holiday playscheme",
        slug="shephallchildcare",
    ),
    org(
        "sg-chells", "The Canterbury Arms Community Society Limited", "cbs", "food", "56302", "food;space",
        2022,
        "1960s estate pub saved from conversion into flats after residents listed it as an asset of "
        "community value and raised £320,000 in shares. Now a community café by day and a pub by night, "
        "with a food bank collection point in the lobby.",
        "function room hire;pub food;café",
        other_names="The Canterbury",
        slug="canterburyarms",
    ),
    org(
        "sg-broadwater", "Broadwater Town Supporters' Society Limited", "cbs", "sport", "93120",
        "arts;health", 2013,
        "Fan-owned society that runs Broadwater Town FC and a 3G pitch let to local leagues every night of "
        "the week. Members elect the board, and the walking football group is one of the busiest in the "
        "county.",
        "3G pitch hire;football coaching",
        slug="broadwatertown",
    ),
    org(
        "sg-centre", "Fairlands Credit Union Limited", "cu", "finance", "64191", "money", 1996,
        "Credit union for people who live or work in Stevenage and North Hertfordshire, with a counter in "
        "the town-centre library and payroll partners including the borough council and two big engineering "
        "employers. Also runs Christmas savings clubs in schools.",
        "payroll savings;affordable loans;school savings clubs",
        slug="fairlandscu",
    ),
    org(
        "sg-oldtown", "Old Town Ale Co-operative Limited", "cons", "food", "56302", "food", 2016,
        "Micropub and nano-brewery owned by its drinkers: 520 members put in £50 each to open it in a "
        "former bike shop on the High Street. Beer is brewed in the back on Mondays and drunk in the front "
        "by Friday.",
        "cask beer;private hire",
        other_names="The Brew Shed",
        slug="oldtownale",
    ),
    org(
        "sg-pingreen", "Wedgwood Way Cleaning Co-operative Limited", "wco", "other", "81210", "goods", 2011,
        "Cleaning co-op covering offices, schools and industrial units on the town's business parks, "
        "including cleanroom cleaning for precision manufacturers. Its 24 members work mainly evenings and "
        "early mornings.",
        "office cleaning;school cleaning;cleanroom cleaning;industrial cleaning",
        slug="wedgwoodcleaning",
    ),
    org(
        "sg-pingreen", "Pin Green Allotment & Garden Society Limited", "cons", "agri", "94990", "agri;nature",
        1962,
        "Manages 240 plots and a members' trading store selling seed potatoes, manure and netting at cost. "
        "Set up in 1962 as the neighbourhood went up, and still has members who took their first plot that "
        "year.",
    ),
    org(
        "sg-chells", "Oaks Cross Solar Society Limited", "cbs", "energy", "35110", "energy", 2015,
        "Community-owned solar on the roofs of schools and a leisure centre in Stevenage's eastern "
        "neighbourhoods, paying members around 4% a year. A slice of the income pays for free loft "
        "insulation for pensioners.",
        "community solar electricity;loft insulation grants",
        slug="oakscrosssolar",
    ),
    org(
        "sg-centre", "Park Place Print & Copy Co-operative Ltd", "wco", "manuf", "18129", "goods", 1998,
        "Copy shop and printers that served the town centre's offices and the council for almost twenty "
        "years. Wound up in 2016 as demand for printed reports dried up.",
        dissolved=2016,
    ),
    org(
        "sg-bedwell", "Stevenage Shared Lives Co-operative Ltd", "self", "health", "88100", "health", 2018,
        "Shared Lives carers who welcome adults with learning disabilities into their own homes for day "
        "support, short breaks or long-term living. The co-op handles matching, training and payments, and "
        "the carers own and run it together.",
        "shared lives placements;day support;respite breaks",
        slug="stevenagesharedlives",
    ),
    org(
        "sg-oldtown", "Old Town Financial Advice Co-operative Ltd", "self", "finance", "66190", "money", 2012,
        "Independent financial advisers who pooled their practices to share compliance costs. Specialises "
        "in pensions for people leaving long-service engineering jobs and runs free pre-retirement seminars "
        "for trade unions.",
        "pension advice;retirement planning;employee financial wellbeing seminars",
        slug="oldtownadvice",
    ),
    org(
        "sg-shephall", "Cycleway Couriers & Repairs Co-operative Ltd", "wco", "transport", "95290",
        "transport;reuse", 2019,
        "Bike repair shop and courier service making the most of the new town's separate cycleways, which "
        "let a rider cross town in twelve minutes without touching a road. Services bike fleets for the "
        "hospital and several employers.",
        "bike servicing;cycle courier;workplace bike maintenance;cycle training",
        slug="cyclewaycouriers",
    ),
    org(
        "sg-broadwater", "Broadwater Tenant Management Organisation Limited", "tmo", "housing", "68320",
        "housing", 2005,
        "Resident-run organisation that handled caretaking and minor repairs for 420 council homes in "
        "Broadwater and Marymead. It closed in 2021 when residents voted to return management to the "
        "council.",
        dissolved=2021,
    ),
    org(
        "sg-chells", "Chells Community Garden", "comm", "agri", "", "nature;food", 2015,
        "We turned a patch of mown grass behind the shops into raised beds, a pond and a bug hotel. Come "
        "along on Wednesday afternoons or Saturday mornings; we'll find you a job and send you home with "
        "courgettes.",
        address="Behind the shops, Canterbury Way",
        no_region=True,
    ),
    org(
        "sg-gunnels", "Hertfordshire Grain Co-operative Limited", "prod", "agri", "01110", "agri;food", 1974,
        "Farmers' co-op owned by around seventy arable farms in North Hertfordshire and south Bedfordshire, "
        "pooling wheat, barley and oilseed rape for storage and marketing. Its office moved to Stevenage in "
        "1990; the grain store and dryer are out near Walkern.",
        "grain marketing;grain storage and drying;crop inputs",
        slug="hertsgrain",
    ),
    org(
        "sg-centre", "Southgate Studios Co-operative Ltd", "self", "arts", "90030", "arts;space", 2021,
        "Artists' studios and a gallery on two floors of a 1960s office block awaiting redevelopment, let "
        "cheaply on a meanwhile lease. Forty artists, a ceramics kiln and an open studios weekend every "
        "October.",
        "studio space;art classes;public art commissions",
        slug="southgatestudios",
    ),
    org(
        "sg-pingreen", "Mobbsbury Way Scrapstore CIC", "cic", "edu", "47790", "reuse;edu", 2010,
        "Collects clean offcuts, card, fabric and packaging from local factories and offices and sells it "
        "cheaply to schools, nurseries and playgroups for craft. Runs messy play sessions in the warehouse "
        "on Saturdays.",
        "craft materials for schools;messy play sessions;waste collection from businesses",
        slug="mobbsburyscrapstore",
    ),
    org(
        "sg-oldtown", "Middle Row Tea Rooms Co-operative Limited", "wco", "food", "56102", "food", 2015,
        "Tea rooms in a timber-framed building on the Old Town High Street, owned by the six women who run "
        "it. Afternoon teas, soup lunches and a weekly knit-and-natter, with cakes baked at dawn in a "
        "kitchen the size of a cupboard.",
        "afternoon teas;cakes to order;small event catering",
        slug="middlerowtearooms",
    ),
    org(
        "sg-bedwell", "Sish Lane Launderette Co-operative Limited", "cons", "other", "96010", "goods;space",
        2020,
        "Neighbourhood launderette taken over by its customers when it was about to close, since many of "
        "the flats nearby have no room for a washing machine. Members get cheaper washes, and there's a "
        "service wash for older residents.",
        "service washes;duvet and bulk washing",
        slug="sishlanelaunderette",
    ),
    org(
        "sg-shephall", "Broadhall Way Building Co-operative Limited", "wco", "housing", "41202",
        "housing;goods", 2013,
        "Plasterers, decorators and carpenters refurbishing the town's 1950s and 1960s council homes with "
        "new kitchens, bathrooms and windows. Its sixteen members know all the quirks of the new town's "
        "non-traditional concrete houses.",
        "kitchen and bathroom replacement;window replacement;plastering;void works",
        slug="broadhallbuilders",
    ),
    org(
        "sg-chells", "Oaks Cross Cricket Club Limited", "club", "sport", "93120", "health;arts", 1967,
        "Cricket club formed in 1967 by workers at the town's engineering firms, now with four Saturday "
        "XIs, a women's team and a Sunday softball league. Members own the pavilion and bar outright.",
    ),
    org(
        "sg-centre", "Town Centre Heat Network Co-operative Limited", "multi", "energy", "35300", "energy",
        2023,
        "Newly formed co-op of residents, businesses and the borough council that aims to own and run a "
        "low-carbon heat network for the regenerated town centre. Registered in 2023; consultation on "
        "tariffs is under way.",
        slug="stevenageheat",
    ),
    org(
        "sg-oldtown", "Old Town Social and Bowling Club Limited", "club", "club", "56301", "space;health",
        1921,
        "Bowls and social club that served the old market town, and then the new town, for ninety years. "
        "Dissolved in 2011 after the green was sold; its honours boards now hang in the town museum.",
        dissolved=2011,
    ),
)


BRISTOL: tuple[Spec, ...] = (
    org(
        "bs-stokes", "Brunswick Square Print Co-operative Ltd", "wco", "manuf", "18129", "arts;goods", 2012,
        "Screen-print workshop producing band merch, tote bags and posters for festivals with water-based "
        "inks, plus a darkroom for hire. Four members, one very old carousel press and a queue of festival "
        "orders every May.",
        "screen-printed T-shirts;tote bags;festival merchandise;print studio hire",
        slug="brunswickprint",
    ),
    org(
        "bs-stokes", "Ninetree Bakehouse Co-operative Limited", "wco", "manuf", "10710", "food", 2018,
        "Neighbourhood bakery making sourdough, focaccia and cardamom buns, started by bakers who met "
        "volunteering at a community kitchen. Supplies cafés across St Pauls and Montpelier and keeps a "
        "day-old bread shelf at cost.",
        "sourdough bread;pastries;wholesale bread for cafés",
        slug="ninetreebakehouse",
    ),
    org(
        "bs-montpelier", "Picton Refill Co-operative Ltd", "wco", "retail", "47190", "reuse;food", 2019,
        "Plastic-free refill shop owned by its three workers, where you bring your own jars for pasta, "
        "oats, oil, shampoo and washing-up liquid. Also delivers refills by bike to offices and cafés.",
        "refill groceries;cleaning product refills;office refill deliveries",
        slug="pictonrefill",
    ),
    org(
        "bs-easton", "Easton Community Catering Co-operative Limited", "wco", "food", "56210", "food", 2011,
        "Caterers rooted in Easton's Somali, Jamaican, Pakistani and Polish kitchens, cooking for "
        "festivals, funerals, conferences and the odd film crew. Eight members, one van and a rule that no "
        "menu goes out with fewer than three cuisines on it.",
        "event catering;conference catering;festival food;cultural celebration catering",
        slug="eastoncatering",
    ),
    org(
        "bs-easton", "Belle Vue Road Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        1986,
        "Fully mutual co-op owning six terraced houses in Easton, bought between 1986 and 1994 with loans "
        "from members, friends and a building society. Twenty-three people live there, and the back gardens "
        "have been knocked into one.",
    ),
    org(
        "bs-easton", "Easton & Lawrence Hill Credit Union Limited", "cu", "finance", "64191", "money", 1993,
        "Neighbourhood credit union that ran from a room in a community centre, with collection points in "
        "two mosques and a church. Transferred its members to a larger city-wide credit union in 2012.",
        dissolved=2012,
    ),
    org(
        "bs-oldmarket", "Old Market Community Energy Society Limited", "cbs", "energy", "35110", "energy",
        2017,
        "Installs and owns solar panels and batteries on community buildings in inner east Bristol, "
        "including a theatre, two churches and a gurdwara. Members' interest is capped at 3% so that most "
        "of the surplus goes to a local fuel-poverty fund.",
        "community solar and batteries;fuel poverty fund",
        slug="oldmarketenergy",
    ),
    org(
        "bs-oldmarket", "Trinity Road Digital Co-operative Ltd", "wcc", "digital", "62012", "goods", 2015,
        "Developers building open-source tools for campaigners, food co-ops and local councils, including "
        "an ordering system used by more than thirty food buying groups. Owned by nine members who work a "
        "four-day week.",
        "web development;open-source software;e-commerce for food co-ops;hosting",
        slug="trinityroaddigital",
    ),
    org(
        "bs-bedminster", "Bedminster Eco-Builders Co-operative Limited", "wco", "housing", "41202",
        "housing;nature", 2009,
        "Builders specialising in straw bale, timber and cob, from garden studios to community buildings, "
        "with a sideline in retrofitting Victorian terraces. The twelve members also teach self-build "
        "courses.",
        "timber frame building;retrofit;self-build training;community buildings",
        slug="bedminsterecobuilders",
    ),
    org(
        "bs-bedminster", "Bedminster Pedal Freight Co-operative Ltd", "wco", "transport", "53202",
        "transport;goods", 2016,
        "E-cargo bike logistics co-op running a micro-depot in Bedminster and making last-mile deliveries "
        "for parcel firms and organic box schemes. Riders own the co-op and are paid by the hour, not by "
        "the drop.",
        "last-mile delivery;cargo bike logistics;micro-depot services",
        slug="pedalfreight",
    ),
    org(
        "bs-southville", "The Greville Tap Community Pub Limited", "cbs", "food", "56302", "food;space", 2018,
        "Back-street boozer bought by its regulars and neighbours in 2018 when the landlord retired, now "
        "with 700 members across Southville and Bedminster. Home to a folk session, two darts teams and a "
        "Sunday roast with a nut roast worth crossing the river for.",
        "function room hire;Sunday roasts;pub food",
        other_names="The Greville",
        slug="grevilletap",
    ),
    org(
        "bs-southville", "Stackpool Road Nursery Co-operative Limited", "multi", "edu", "88910", "edu;nature",
        2006,
        "Parent- and staff-owned nursery in a converted chapel, with a garden full of mud kitchens and a "
        "strong outdoor ethos. Its 52 places are oversubscribed, and fees follow a sliding scale for "
        "families on lower incomes.",
        "nursery places;funded early years places;outdoor learning",
        slug="stackpoolnursery",
    ),
    org(
        "bs-totterdown", "Wells Road Care Co-operative Ltd", "wco", "health", "88100", "health", 2020,
        "Care workers' co-op supporting older and disabled people at home in south Bristol. Members earn a "
        "share of the surplus on top of their hourly rate and design their own rotas around the school run.",
        "home care;personal care;companionship visits",
        slug="wellsroadcare",
    ),
    org(
        "bs-totterdown", "Totterdown Nappy Library", "comm", "health", "", "reuse;health", 2017,
        "We lend out kits of washable nappies so new parents can try them before buying, and we'll happily "
        "show you how to fold a prefold. We meet at the library every second Saturday. It's free, and there "
        "is always a baby or two to cuddle.",
        address="The library, Wells Road",
    ),
    org(
        "bs-bishopston", "Sommerville Fair Trade Co-operative Limited", "cons", "retail", "47789", "goods",
        1991,
        "Fair-trade shop that sold crafts, coffee and chocolate from producer co-operatives abroad. It "
        "closed in 2019 after 28 years, when the volunteer team could no longer cover the rota.",
        dissolved=2019,
    ),
    org(
        "bs-bishopston", "Berkeley Road Midwives' Co-operative Ltd", "wco", "health", "86900", "health", 2019,
        "Independent midwives offering antenatal classes, home-birth support and postnatal visits, "
        "organised as a co-op so members can share on-call and insurance. Also runs free antenatal classes "
        "in Somali and Arabic with a community health charity.",
        "antenatal classes;postnatal support;independent midwifery",
        slug="berkeleyroadmidwives",
    ),
    org(
        "bs-stokes", "Jamaica Street Photographers' Co-operative Ltd", "self", "arts", "74209", "arts", 2008,
        "Photographers and videographers who shared a studio, kit and a booking office, working for "
        "charities, unions and newspapers and running a free darkroom night for young people from St Pauls. "
        "Wound up in 2020 when the studio building was sold.",
        dissolved=2020,
    ),
    org(
        "bs-montpelier", "Cheltenham Road Insurance Brokers Co-operative Ltd", "self", "finance", "66220",
        "money", 2010,
        "Insurance brokers arranging cover for co-ops, charities, community buildings and housing groups, "
        "and explaining what the small print actually means. Owned by its brokers, it returns part of its "
        "commission to clients as an annual rebate.",
        "insurance broking;community building insurance;charity insurance;risk advice",
        slug="cheltenhamroadbrokers",
    ),
    org(
        "bs-oldmarket", "Midland Road Climbing Co-operative Ltd", "cons", "sport", "93110", "health;space",
        2013,
        "Bouldering wall in a former tram depot, owned by its climbers and run by a paid team of eight. "
        "Members get cheaper entry and vote on which problems get re-set; there's a beginners' session "
        "every evening.",
        "climbing sessions;birthday parties;school climbing",
        slug="midlandroadclimbing",
    ),
    org(
        "bs-easton", "Frome Valley Growers Co-operative Limited", "multi", "agri", "01130",
        "agri;food;nature", 2015,
        "Urban growers working three plots along the Frome valley, producing salad, herbs and edible "
        "flowers for restaurants and a 120-member veg bag scheme. Takes volunteers from a mental health "
        "service every Tuesday.",
        "salad and herbs;edible flowers;veg bags;restaurant supply",
        slug="fromevalleygrowers",
    ),
    org(
        "bs-montpelier", "Montpelier Instruments Co-operative Ltd", "wco", "retail", "47591", "arts;reuse",
        2004,
        "Guitar and ukulele repair workshop with a small shop of second-hand instruments, owned by the "
        "luthiers who work there. Rents instruments to schools and gives beginners a free set-up.",
        "instrument repair;instrument hire for schools;second-hand instruments",
        slug="montpelierinstruments",
    ),
    org(
        "bs-stokes", "St Pauls Caribbean Social Club Limited", "club", "club", "56301", "space;arts", 1968,
        "Founded in 1968 by Windrush-generation members as a place to play dominoes, hear sound systems and "
        "look out for each other. Still run by elected members, with a Saturday lunch of rice and peas that "
        "brings in three generations.",
    ),
    org(
        "bs-bedminster", "Cannon Street Upholstery Co-operative Ltd", "wco", "manuf", "31090",
        "reuse;industry", 2021,
        "Upholsterers giving old sofas, theatre seats and church chairs a second life, mostly for councils, "
        "hotels and theatres. Four members, one apprentice and a warehouse full of foam.",
        "upholstery;reupholstering contract seating;furniture restoration",
        slug="cannonstreetupholstery",
    ),
    org(
        "bs-totterdown", "Firfield Street Housing Co-operative Ltd", "hsgc", "housing", "68209", "housing",
        2016,
        "Twelve renters who pooled loanstock and a community share issue to buy a former vicarage on the "
        "hill above the Wells Road. Rent is set at a third of members' take-home pay, capped at the local "
        "housing allowance.",
    ),
    org(
        "bs-bishopston", "Horfield & Bishopston News Co-operative Limited", "multi", "digital", "58130",
        "arts;camp", 2021,
        "Reader- and journalist-owned local news co-op publishing a free monthly paper and a website "
        "covering north Bristol's councils, schools and planning rows. 1,100 readers pay a monthly "
        "membership, and advertising is limited to independent businesses.",
        "local advertising;public notices",
        slug="horfieldbishopstonnews",
    ),
)

GLASGOW: tuple[Spec, ...] = (
    org(
        "gl-merchant", "Trongate Kitchen Workers' Co-operative Ltd", "wcc", "food", "56101", "food", 2017,
        "Restaurant in the Merchant City owned by its cooks and front-of-house staff, serving Scottish "
        "produce (Ayrshire pork, Clyde Valley greens, hake from Peterhead) as small plates. Tips are pooled "
        "and shared by hours worked, kitchen porters included.",
        "restaurant;private dining;event catering",
        slug="trongatekitchen",
    ),
    org(
        "gl-govanhill", "Allison Street Housing Co-operative Limited", "hsg", "housing", "68209", "housing",
        1988,
        "Tenement housing co-op owning 64 flats across four closes, formed in 1988 when tenants organised "
        "to rescue buildings their landlords had let fall apart. Members elect the management committee, "
        "and the back courts are now a shared garden.",
    ),
    org(
        "gl-govanhill", "Govanhill Languages Co-operative Ltd", "wcc", "pro", "74300", "goods;health", 2015,
        "Interpreters in Romanes, Slovak, Czech, Urdu, Punjabi and Arabic, many of them Govanhill residents "
        "themselves, working in schools, GP practices and housing offices across the south side.",
        "community interpreting;translation;cultural awareness training",
        slug="govanhilllanguages",
    ),
    org(
        "gl-pollokshields", "Kenmure Credit Union Limited", "cu", "finance", "64191", "money", 1992,
        "Credit union for people who live or work on Glasgow's south side, offering Sharia-compliant "
        "savings alongside ordinary share accounts. Volunteers run collection points at a gurdwara and a "
        "mosque every Friday.",
        "savings accounts;affordable loans;Sharia-compliant savings",
        slug="kenmurecu",
    ),
    org(
        "gl-pollokshields", "Shields Community Energy Society Limited", "cbs", "energy", "35110",
        "energy;edu", 2016,
        "Solar panels on a primary school, a church hall and a sports centre, plus a share in a small wind "
        "turbine with a rural co-op in Ayrshire. Runs energy cafés in Urdu and English every winter.",
        "community solar electricity;energy advice cafés",
        slug="shieldsenergy",
    ),
    org(
        "gl-calton", "Bain Street Cycle Works Co-operative Ltd", "wcc", "transport", "95290",
        "transport;reuse", 2013,
        "Bike shop and workshop owned by its mechanics, selling new and second-hand bikes and running "
        "repair classes. Also maintains the bikes lent out by two refugee charities.",
        "bike sales and repairs;fleet maintenance;repair classes",
        slug="bainstreetcycles",
    ),
    org(
        "gl-calton", "Gallowgate Music Co-operative Limited", "cbs", "arts", "90040", "arts;space", 2019,
        "Community-owned music venue in a former bonded warehouse, bought with a share offer after the old "
        "venue next door closed. Puts on around 200 gigs a year, pays every support act and runs free "
        "gig-promotion courses for under-25s.",
        "venue hire;live music;promoter training",
        slug="gallowgatemusic",
    ),
    org(
        "gl-finnieston", "Clydebuilt Code Co-operative Ltd", "wcc", "digital", "62012", "goods", 2018,
        "Developers and user researchers building digital services for Scottish public bodies and "
        "charities, with a particular knack for accessible forms. Twelve worker-owners, all on the same "
        "salary.",
        "digital services;user research;accessible web forms;software development",
        slug="clydebuiltcode",
    ),
    org(
        "gl-finnieston", "Kelvinhaugh Food Co-operative Limited", "cons", "retail", "47290", "food", 1979,
        "Wholefood co-op that sold grains, beans and cheese to the West End from 1979. Members voted to "
        "dissolve it in 2021 after the pandemic and a steep rent rise; the remaining stock went to food "
        "banks.",
        dissolved=2021,
    ),
    org(
        "gl-partick", "Peel Street Childcare Co-operative Ltd", "multi", "edu", "88910", "edu", 2010,
        "Nursery and out-of-school care in a converted church, owned by parents and staff. Open all year "
        "with funded early learning places, and known for its garden and its Gaelic-speaking playroom on "
        "Tuesdays.",
        "nursery places;funded early learning;after-school care",
        slug="peelstreetchildcare",
    ),
    org(
        "gl-partick", "Crow Road Support Co-operative Limited", "multi", "health", "88100", "health", 2019,
        "Self-directed support co-op for disabled people who employ their own personal assistants: it "
        "handles payroll, training and cover so they stay in charge of their own support. Owned by the "
        "people who use it and the PAs who work through it.",
        "personal assistant services;self-directed support payroll;PA training",
        slug="crowroadsupport",
    ),
    org(
        "gl-woodlands", "Woodlands Workers' Bakery Co-operative Ltd", "wcc", "manuf", "10710", "food", 2014,
        "Morning rolls, tattie scones, plain loaves and empire biscuits, baked overnight by a seven-member "
        "co-op and delivered to cafés, corner shops and school breakfast clubs before 7am.",
        "morning rolls;bread;tattie scones;school breakfast supply",
        slug="woodlandsbakery",
    ),
    org(
        "gl-maryhill", "Maryhill Stonemasons Co-operative Limited", "wco", "housing", "43999",
        "housing;goods", 1997,
        "Stonemasons repairing Glasgow's sandstone tenements (chimneys, lintels, gutters and crumbling "
        "window surrounds), mostly for housing associations and property factors. Owned by its masons since "
        "1997, with four apprentices at any one time.",
        "stonemasonry;tenement repairs;chimney repairs;heritage restoration",
        slug="maryhillstonemasons",
    ),
    org(
        "gl-maryhill", "Maryhill Knitwear Co-operative Limited", "wco", "manuf", "14390", "industry", 1983,
        "Knitting co-op that made jumpers and scarves for department stores and tourist shops, set up by "
        "workers after a local mill closed. Wound up in 2002 when its last big customer moved production "
        "overseas.",
        dissolved=2002,
    ),
    org(
        "gl-govanhill", "Govanhill Street Food Co-operative Ltd", "wcc", "food", "56103", "food", 2021,
        "Six street-food cooks sharing a commissary kitchen and two trailers: Slovak langoše, Punjabi "
        "pakora, Nigerian suya and some of Glasgow's best chips. Trades at markets, festivals and staff "
        "canteens across the city.",
        "street food;festival catering;staff canteen pop-ups;kitchen hire",
        slug="govanhillstreetfood",
    ),
)

CARDIFF: tuple[Spec, ...] = (
    org(
        "cf-cathays", "Crwys Road Grocery Co-operative Cyf", "cons", "retail", "47110", "food", 2013,
        "Student- and resident-owned grocery selling local vegetables, Welsh cheeses and bulk wholefoods, "
        "with a bilingual noticeboard and a shelf of cheap student staples. Members who volunteer get 15% "
        "off.",
        "groceries;wholefoods;Welsh cheese",
        other_names="Siop Crwys",
        slug="siopcrwys",
    ),
    org(
        "cf-canton", "Bara Treganna Cyf", "wco", "manuf", "10710", "food", 2016,
        "Worker-owned bakery in Canton making bread, Welsh cakes and bara brith, with a bilingual counter "
        "where staff are happy to let learners practise their Welsh. Supplies cafés, delis and the canteen "
        "of a large public office.",
        "bread;Welsh cakes;bara brith;wholesale to cafés and canteens",
        other_names="Canton Bread",
        slug="baratreganna",
    ),
    org(
        "cf-centre", "Caroline Street Sound Co-operative Ltd", "wco", "arts", "90020", "arts;goods", 2012,
        "Sound engineers and lighting technicians providing PA, lights and crew for gigs, festival stages, "
        "match-day fan zones and conferences. All ten members have done time behind a mixing desk in the "
        "city's small venues.",
        "PA and lighting hire;event crew;conference AV;stage management",
        slug="carolinestreetsound",
    ),
    org(
        "cf-roath", "Geiriau Translation Co-operative Cyf", "wco", "pro", "74300", "goods;edu", 2010,
        "Welsh-English translators and simultaneous interpreters working for councils, health boards, "
        "schools and the arts, with a growing amount of Arabic, Somali and Polish. Freelancers turned "
        "owners who share a booking system and check each other's work.",
        "Welsh translation;simultaneous interpreting;proofreading;community languages",
        other_names="Geiriau",
        slug="geiriau",
    ),
    org(
        "cf-splott", "Splott Electric Car Club Co-operative Ltd", "cons", "transport", "77110",
        "transport;energy", 2021,
        "Shares six electric cars and two e-cargo bikes among 300 members in Splott, Adamsdown and "
        "Tremorfa, parked at charge points outside community buildings. Membership is free; you pay by the "
        "hour.",
        "electric car hire;e-cargo bike hire;business car club membership",
        slug="splottcarclub",
    ),
    org(
        "cf-grangetown", "Clare Road Community Kitchen Co-operative Ltd", "wco", "food", "56210", "food",
        2018,
        "Somali, Yemeni and Bangladeshi cooks running a catering business from a community centre kitchen: "
        "sambusas, mandi rice and biryani by the tray. Caters iftars, conferences and school events, and "
        "the co-op pays for every member's food hygiene certificate.",
        "event catering;conference catering;iftar catering;school event catering",
        slug="clareroadkitchen",
    ),
    org(
        "cf-grangetown", "Holmesdale Street Housing Co-operative Cyf", "hsg", "housing", "68209", "housing",
        2019,
        "Co-operative housing scheme of eighteen flats where the tenants manage lettings, the repairs "
        "budget and the shared roof garden themselves. Rents are set at local housing allowance level.",
    ),
    org(
        "cf-roath", "City Road Digital Co-operative Ltd", "wcc", "digital", "62012", "goods", 2011,
        "Web developers who built bilingual websites for Welsh charities and arts organisations for seven "
        "years. Wound up in 2018 when its members moved into other co-ops and public-sector jobs.",
        dissolved=2018,
    ),
    org(
        "cf-canton", "Treganna Credit Union Limited", "cu", "finance", "64191", "money", 1999,
        "Small neighbourhood credit union in west Cardiff, run from a room above a pharmacy on Cowbridge "
        "Road East. Offers savings, loans of up to £3,000 and a savers' club in three primary schools.",
        "savings accounts;affordable loans;school savers club",
        slug="tregannacu",
    ),
    org(
        "cf-cathays", "Cathays Bike Workshop CIC", "cic", "transport", "95290", "transport;reuse", 2015,
        "Student and community bike workshop in a church basement, fixing punctures for free and selling "
        "reconditioned bikes to students at the start of each term. Rescues abandoned bikes from university "
        "racks every June.",
        "bike repairs;reconditioned bikes;bike maintenance classes",
        slug="cathaysbikes",
    ),
    org(
        "cf-centre", "Castle Quarter Cleaning Co-operative Cyf", "wco", "other", "81210", "goods", 2016,
        "Twenty-two members keeping offices, arcades and a theatre clean in the city centre. The co-op pays "
        "the real living wage and trains new starters in Welsh and English.",
        "office cleaning;venue cleaning;retail cleaning",
        slug="castlequartercleaning",
    ),
    org(
        "cf-splott", "Adamsdown RFC Community Society Limited", "cbs", "sport", "93120", "health;space", 2014,
        "Community benefit society that bought the rugby club's clubhouse and pitch lease when the old "
        "members' club went bust. Runs senior, junior and mixed-ability teams and lets the clubhouse out "
        "for Welsh classes and parties.",
        "clubhouse hire;pitch hire",
        slug="adamsdownrfc",
    ),
)

# fmt: on

ALL_SPECS: tuple[Spec, ...] = OXFORD + MANCHESTER + PRESTON + TORBAY + STEVENAGE + BRISTOL + GLASGOW + CARDIFF

# Registration-number series: (fractional year, number) points, interpolated so numbers rise with dates.
Series: TypeAlias = tuple[tuple[float, float], ...]
R_SERIES: Series = (
    (1844.0, 100.0),
    (1900.0, 3000.0),
    (1950.0, 14000.0),
    (1975.0, 21500.0),
    (1990.0, 25500.0),
    (2000.0, 28500.0),
    (2014.6, 32500.0),
)
RS_SERIES: Series = ((1900.0, 300.0), (1950.0, 1200.0), (1975.0, 1700.0), (1990.0, 2300.0), (2014.6, 2900.0))
SOCIETY_2014_SERIES: Series = ((2014.6, 7000.0), (2025.9, 9400.0))
CREDIT_UNION_SERIES: Series = ((1970.0, 60.0), (1990.0, 380.0), (2000.0, 560.0), (2014.6, 640.0))
CH_SERIES: Series = (
    (1900.0, 65000.0),
    (1950.0, 480000.0),
    (1980.0, 1450000.0),
    (1990.0, 2450000.0),
    (2000.0, 3900000.0),
    (2005.0, 5300000.0),
    (2010.0, 7100000.0),
    (2015.0, 9400000.0),
    (2020.0, 12400000.0),
    (2025.9, 16100000.0),
)
SC_SERIES: Series = (
    (1990.0, 120000.0),
    (2000.0, 200000.0),
    (2010.0, 370000.0),
    (2015.0, 495000.0),
    (2020.0, 650000.0),
    (2025.9, 840000.0),
)
OC_SERIES: Series = (
    (2001.3, 300000.0),
    (2010.0, 350000.0),
    (2015.0, 398000.0),
    (2020.0, 430000.0),
    (2025.9, 452000.0),
)
NEW_SOCIETY_ACT = date(2014, 8, 1)
SLUG_DROP = frozenset(
    {"limited", "ltd", "cic", "cyf", "llp", "the", "co-operative", "society", "community", "benefit", "and"}
)
EMAIL_LOCALS = ("hello", "hello", "hello", "info", "info", "office", "enquiries")


def interpolate(series: Series, x: float) -> float:
    """Linear interpolation through (x, y) points, clamped at both ends."""
    if x <= series[0][0]:
        return series[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(series):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return series[-1][1]


def sic_section(code: str) -> str:
    """The Co-operatives UK SIC section label for a five-digit SIC 2007 code ('' for none)."""
    if not code:
        return ""
    division = int(code[:2])
    for low, high, label in SIC_SECTIONS:
        if low <= division <= high:
            return label
    raise ValueError(f"SIC code {code} has no section label")


def derive_slug(name: str) -> str:
    """A short website slug from a name: legal words dropped, at most three words run together."""
    words = re.sub(r"[^a-z0-9 ]", "", name.lower().replace("&", " ").replace("-", " ")).split()
    kept = [word for word in words if word not in SLUG_DROP] or words
    return "".join(kept[:3])


def street_for(spec: Spec, anchor: Anchor, rng: random.Random) -> str:
    """A street of the anchor, preferring one the name or description mentions."""
    in_name = [street for street in anchor.streets if street in spec.name]
    if in_name:
        return max(in_name, key=len)
    in_text = sorted(
        (spec.description.index(street), street)
        for street in anchor.streets
        if street in spec.description and f"off {street}" not in spec.description
    )
    if in_text:
        return in_text[0][1]
    return rng.choice(anchor.streets)


def street_address(spec: Spec, anchor: Anchor, rng: random.Random) -> str:
    """A plausible street address in the anchor's neighbourhood (or the hand-written one)."""
    if spec.address:
        return spec.address
    if PROFILES[spec.profile].kind == "community":
        return ""
    if anchor.estate and not any(street in spec.name for street in anchor.streets) and rng.random() < 0.6:
        return f"Unit {rng.randint(1, 28)}, {anchor.estate}"
    number = rng.randint(1, 132)
    street = street_for(spec, anchor, rng)
    if spec.sector in ("digital", "pro", "finance") and rng.random() < 0.4:
        floor = rng.choice(("First Floor", "Second Floor", "Suite 3", "Suite 12", "Studio 5", "Top Floor"))
        return f"{floor}, {number} {street}"
    return f"{number} {street}"


def jitter(anchor: Anchor, rng: random.Random) -> tuple[float, float]:
    """A point uniformly inside the anchor's radius, rounded to 6 dp."""
    distance = anchor.radius_m * math.sqrt(rng.random())
    bearing = rng.uniform(0.0, 2.0 * math.pi)
    dlat = distance * math.cos(bearing) / 111_320.0
    dlon = distance * math.sin(bearing) / (111_320.0 * math.cos(math.radians(anchor.lat)))
    return round(anchor.lat + dlat, 6), round(anchor.lon + dlon, 6)


def random_day(rng: random.Random, start: date, end: date) -> date:
    """A uniformly random date between start and end inclusive."""
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def fractional_year(day: date) -> float:
    """The date as a year with a fraction, for interpolating registration numbers."""
    return day.year + (day.timetuple().tm_yday - 1) / 366.0


class Registry:
    """Hands out unique postcodes, phone numbers, slugs and registration numbers."""

    def __init__(self, rng: random.Random) -> None:
        """Start with nothing taken."""
        self.rng = rng
        self.postcodes: set[str] = set()
        self.society_numbers: set[int] = set()
        self.company_numbers: set[str] = set()
        self.slugs: set[str] = set()
        self.phones: dict[str, list[int]] = {}

    def postcode(self, anchor: Anchor) -> str:
        """An unused full postcode in one of the anchor's sectors."""
        while True:
            sector = self.rng.choice(anchor.sectors)
            code = f"{sector}{self.rng.choice(INWARD_LETTERS)}{self.rng.choice(INWARD_LETTERS)}"
            if code not in self.postcodes:
                self.postcodes.add(code)
                return code

    def phone(self, pattern: str) -> str:
        """An unused number from the town's Ofcom drama range."""
        if pattern not in self.phones:
            pool = list(range(1000))
            self.rng.shuffle(pool)
            self.phones[pattern] = pool
        return pattern.format(self.phones[pattern].pop())

    def slug(self, wanted: str) -> str:
        """The slug itself; duplicates are a mistake in the building blocks."""
        if wanted in self.slugs:
            raise ValueError(f"duplicate website slug {wanted}")
        self.slugs.add(wanted)
        return wanted

    def society_number(self, spec: Spec, town: Town, registered: date) -> str:
        """An FCA Mutuals Register number in the style of the society's era and country."""
        year = fractional_year(registered)
        if spec.profile == "cu":
            series, suffix = CREDIT_UNION_SERIES, "CUS" if town.scottish else "C"
        elif registered >= NEW_SOCIETY_ACT:
            series, suffix = SOCIETY_2014_SERIES, "CBS" if spec.profile == "cbs" else "CS"
        elif town.scottish:
            series, suffix = RS_SERIES, "RS"
        else:
            series, suffix = R_SERIES, "R"
        base = interpolate(series, year)
        while True:
            number = round(base * self.rng.uniform(0.985, 1.015))
            if number not in self.society_numbers:
                self.society_numbers.add(number)
                return f"{number}{suffix}"

    def company_number(self, legal_form: str, town: Town, registered: date) -> str:
        """A Companies House number of the right register and era."""
        year = fractional_year(registered)
        while True:
            if legal_form == "LLP":
                number = f"OC{round(interpolate(OC_SERIES, year) * self.rng.uniform(0.99, 1.01)):06d}"
            elif town.scottish:
                number = f"SC{round(interpolate(SC_SERIES, year) * self.rng.uniform(0.99, 1.01)):06d}"
            else:
                number = f"{round(interpolate(CH_SERIES, year) * self.rng.uniform(0.995, 1.005)):08d}"
            if number not in self.company_numbers:
                self.company_numbers.add(number)
                return number


def build_row(index: int, spec: Spec, rng: random.Random, registry: Registry) -> dict[str, str]:
    """The CSV row for one organisation."""
    anchor = ANCHORS[spec.anchor]
    town = TOWNS[spec.anchor.split("-", 1)[0]]
    profile = PROFILES[spec.profile]
    community = profile.kind == "community"

    incorporated = ""
    dissolved = ""
    fca_number = ""
    company_number = ""
    if spec.founded is not None:
        registered = random_day(rng, date(spec.founded, 1, 1), min(date(spec.founded, 12, 31), LATEST))
        incorporated = registered.isoformat()
        if spec.dissolved is not None:
            start = max(date(spec.dissolved, 1, 1), registered + timedelta(days=60))
            dissolved = random_day(rng, start, min(date(spec.dissolved, 12, 31), LATEST)).isoformat()
        if profile.legal_form == "Society":
            fca_number = registry.society_number(spec, town, registered)
        elif profile.legal_form in ("Company", "Community Interest Company", "LLP"):
            company_number = registry.company_number(profile.legal_form, town, registered)

    if community:
        has_website = rng.random() < 0.35
    elif spec.sector == "digital":
        has_website = True
    else:
        has_website = rng.random() < (0.45 if spec.dissolved else 0.74)
    website = email = consent = ""
    if has_website:
        slug = registry.slug(spec.slug or derive_slug(spec.other_names.split(";")[0] or spec.name))
        website = f"https://{slug}.example/"
        if rng.random() < 0.63:
            email = f"{rng.choice(EMAIL_LOCALS)}@{slug}.example"
            consent = "true" if rng.random() < 0.64 else "false"
    phone = registry.phone(town.phone) if rng.random() < (0.3 if community else 0.52) else ""

    latitude, longitude = jitter(anchor, rng)
    return {
        "demo_id": f"demo-{index:04d}",
        "kind": profile.kind,
        "name": spec.name,
        "other_names": spec.other_names,
        "legal_form": profile.legal_form,
        "fca_number": fca_number,
        "companies_house_number": company_number,
        "organisational_structure": profile.structure,
        "ownership_type": profile.ownership,
        "membership_type": MEMBERSHIP[profile.ownership],
        "sector": SECTORS[spec.sector],
        "sic_code": spec.sic,
        "sic_section": sic_section(spec.sic),
        "activities": ";".join(ACTIVITIES[key] for key in spec.activities.split(";")),
        "description": spec.description,
        "goods_services": spec.goods,
        "website": website,
        "phone": phone,
        "email": email,
        "email_consent": consent,
        "street_address": street_address(spec, anchor, rng),
        "locality": anchor.locality,
        "region": "" if spec.no_region else town.region,
        "postcode": registry.postcode(anchor),
        "nation": town.nation,
        "latitude": f"{latitude:.6f}",
        "longitude": f"{longitude:.6f}",
        "status": "dissolved" if spec.dissolved else "active",
        "incorporated_on": incorporated,
        "dissolved_on": dissolved,
    }


def build_rows() -> list[dict[str, str]]:
    """Every row, in a stable order, from the seeded generator."""
    rng = random.Random(SEED)
    registry = Registry(rng)
    return [build_row(index, spec, rng, registry) for index, spec in enumerate(ALL_SPECS, start=1)]


def main() -> None:
    """Write organisations.csv next to this script."""
    rows = build_rows()
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} organisations to {OUTPUT}")


if __name__ == "__main__":
    main()
