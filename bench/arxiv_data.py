"""Tables of the `arxiv` corpus profile: volume over time, categories, institutions, text.

Figures and their sources are listed in bench/README.md ("The arxiv profile"); values marked
"estimate" there are interpolations or informed guesses, not published counts.
"""

from __future__ import annotations

# --- volume over time ---------------------------------------------------------------------

FIRST_MONTH = (1991, 8)  # arXiv opened in August 1991
LAST_MONTH = (2025, 3)  # the profile ends when the archive reaches about 2.7 million papers

# New submissions per year (1991: August-December; 2025: January-March). 2016, 2017 and 2018
# are published counts; the rest are interpolated to match arXiv's milestones (README).
YEARLY_SUBMISSIONS: dict[int, int] = {
    1991: 310, 1992: 3_190, 1993: 6_730, 1994: 8_570, 1995: 10_150, 1996: 15_870,
    1997: 19_560, 1998: 24_210, 1999: 28_180, 2000: 30_600, 2001: 32_610, 2002: 35_230,
    2003: 37_540, 2004: 41_320, 2005: 44_620, 2006: 47_890, 2007: 52_410, 2008: 57_390,
    2009: 63_680, 2010: 70_160, 2011: 76_580, 2012: 84_650, 2013: 92_670, 2014: 97_470,
    2015: 105_280, 2016: 113_380, 2017: 123_200, 2018: 140_620, 2019: 155_870,
    2020: 178_330, 2021: 181_630, 2022: 185_690, 2023: 208_490, 2024: 258_000, 2025: 69_000,
}  # fmt: skip
FULL_SCALE = sum(YEARLY_SUBMISSIONS.values())  # about 2.7 million

# Relative volume per calendar month (an August dip, busier autumn), an estimate.
SEASON = (1.0, 0.97, 1.08, 0.98, 1.02, 1.0, 0.98, 0.86, 1.0, 1.06, 1.06, 0.99)

# --- authors per paper (Milojevic 2014: Poisson core teams plus a power-law tail) ----------

# (year, mean of the Poisson part of "authors - 1", share of extended teams), interpolated.
TEAM_SIZE_ANCHORS = ((1991, 0.70, 0.03), (2007, 1.20, 0.06), (2024, 2.20, 0.12))
EXTENDED_MIN, EXTENDED_ALPHA, EXTENDED_MAX = 5, 2.4, 2_000
# Field factors on (Poisson mean, extended share): mathematicians write alone or in pairs,
# astronomers and experimentalists in larger teams.
FIELD_TEAM_FACTORS: dict[str, tuple[float, float]] = {
    "math": (0.55, 0.15), "math-ph": (0.6, 0.2), "hep-th": (0.6, 0.2), "gr-qc": (0.75, 0.8),
    "hep-ph": (0.8, 0.5), "hep-lat": (1.1, 0.8), "hep-ex": (1.4, 3.0), "nucl-ex": (1.5, 2.5),
    "nucl-th": (0.9, 0.6), "astro-ph": (1.3, 2.0), "cond-mat": (1.1, 0.8), "physics": (1.1, 1.2),
    "quant-ph": (1.0, 0.7), "nlin": (0.8, 0.3), "cs": (1.2, 1.0), "stat": (0.9, 0.5),
    "eess": (1.2, 0.8), "q-bio": (1.3, 1.5), "q-fin": (0.7, 0.3), "econ": (0.6, 0.2),
}  # fmt: skip

# --- versions -------------------------------------------------------------------------------

# Number of versions: 1 to 5 (a third of papers are revised; README).
VERSION_WEIGHTS = (0.66, 0.23, 0.07, 0.025, 0.015)
CATEGORY_COUNT_WEIGHTS = (0.55, 0.30, 0.11, 0.04)  # 1 to 4 categories per paper

# --- categories -----------------------------------------------------------------------------

# Share of new submissions per archive in 1995 and in 2024 (log-interpolated between, zero
# before the archive opened). hep is flat at ~9,000 a year, cs grew to ~45% (README).
ARCHIVE_SHARES: dict[str, tuple[int, float, float]] = {
    # archive: (first year, share 1995, share 2024)
    "hep-th": (1991, 0.20, 0.018), "hep-ph": (1992, 0.17, 0.022), "hep-lat": (1992, 0.025, 0.003),
    "hep-ex": (1994, 0.04, 0.006), "gr-qc": (1992, 0.045, 0.018), "astro-ph": (1992, 0.13, 0.07),
    "cond-mat": (1992, 0.20, 0.08), "nucl-th": (1992, 0.03, 0.008), "nucl-ex": (1994, 0.01, 0.004),
    "quant-ph": (1994, 0.035, 0.045), "math-ph": (1996, 0.02, 0.008), "math": (1992, 0.06, 0.17),
    "nlin": (1993, 0.03, 0.006), "physics": (1996, 0.05, 0.06), "cs": (1994, 0.01, 0.45),
    "q-bio": (2003, 0.005, 0.01), "stat": (2007, 0.012, 0.035), "q-fin": (2008, 0.004, 0.005),
    "eess": (2017, 0.02, 0.05), "econ": (2017, 0.003, 0.005),
}  # fmt: skip

# Relative size of each category within its archive as a primary (estimates from listing
# sizes). Categories missing here get weight 0.3; aliases (math.IT, math.MP, ...) are 0.
CATEGORY_WEIGHTS: dict[str, float] = {
    "cs.LG": 20, "cs.CV": 18, "cs.CL": 12, "cs.AI": 6, "cs.RO": 5, "cs.IT": 5, "cs.CR": 4,
    "cs.DS": 3, "cs.SE": 3, "cs.NI": 3, "cs.DC": 3, "cs.HC": 3, "cs.IR": 2.5, "cs.LO": 2,
    "cs.CY": 2, "cs.SI": 2, "cs.SY": 2, "cs.GT": 1.5, "cs.NE": 1.5, "cs.DB": 1.5, "cs.PL": 1.2,
    "cs.SD": 1.2, "cs.CG": 1, "cs.DM": 1, "cs.CC": 1, "cs.MA": 0.8, "cs.MM": 0.8, "cs.GR": 0.8,
    "cs.NA": 0, "cs.GL": 0.05,
    "math.AP": 8, "math.PR": 7, "math.CO": 7, "math.AG": 6, "math.OC": 6, "math.NA": 6,
    "math.NT": 5, "math.DG": 5, "math.DS": 4, "math.FA": 4, "math.ST": 3, "math.GT": 3,
    "math.GR": 2.5, "math.RT": 2.5, "math.CA": 2.5, "math.QA": 2, "math.LO": 1.5, "math.AT": 1.5,
    "math.CV": 1.5, "math.AC": 1.5, "math.RA": 1.5, "math.OA": 1.5, "math.MG": 1, "math.SP": 1,
    "math.SG": 1, "math.CT": 0.8, "math.KT": 0.5, "math.GN": 0.4, "math.HO": 0.4,
    "math.GM": 0.3, "math.IT": 0, "math.MP": 0,
    "cond-mat.mtrl-sci": 10, "cond-mat.mes-hall": 10, "cond-mat.str-el": 9,
    "cond-mat.stat-mech": 7, "cond-mat.soft": 5, "cond-mat.supr-con": 4,
    "cond-mat.quant-gas": 3, "cond-mat.dis-nn": 2, "cond-mat.other": 1.5,
    "astro-ph.GA": 10, "astro-ph.CO": 8, "astro-ph.SR": 8, "astro-ph.HE": 8, "astro-ph.EP": 4,
    "astro-ph.IM": 4,
    "physics.optics": 8, "physics.flu-dyn": 7, "physics.app-ph": 5, "physics.chem-ph": 4,
    "physics.comp-ph": 3, "physics.atom-ph": 3, "physics.plasm-ph": 3, "physics.soc-ph": 3,
    "physics.ins-det": 3, "physics.bio-ph": 2.5, "physics.med-ph": 2, "physics.acc-ph": 2,
    "physics.ao-ph": 1.5, "physics.geo-ph": 1, "physics.data-an": 1, "physics.class-ph": 1,
    "physics.gen-ph": 1, "physics.space-ph": 1,
    "nlin.CD": 35, "nlin.SI": 25, "nlin.PS": 25, "nlin.AO": 10, "nlin.CG": 5,
    "stat.ME": 30, "stat.ML": 30, "stat.AP": 20, "stat.TH": 10, "stat.CO": 8, "stat.OT": 2,
    "eess.SP": 35, "eess.IV": 25, "eess.SY": 25, "eess.AS": 15,
    "q-bio.NC": 25, "q-bio.PE": 20, "q-bio.QM": 20, "q-bio.BM": 15, "q-bio.MN": 8,
    "q-bio.GN": 6, "q-bio.CB": 3, "q-bio.TO": 3, "q-bio.SC": 2, "q-bio.OT": 1,
    "q-fin.MF": 15, "q-fin.ST": 15, "q-fin.CP": 10, "q-fin.PM": 10, "q-fin.RM": 10,
    "q-fin.TR": 10, "q-fin.PR": 10, "q-fin.GN": 10, "q-fin.EC": 0,
    "econ.EM": 40, "econ.GN": 30, "econ.TH": 30,
    "hep-ph": 1, "hep-th": 1, "hep-ex": 1, "hep-lat": 1, "gr-qc": 1, "quant-ph": 1,
    "nucl-th": 1, "nucl-ex": 1, "math-ph": 1,
}  # fmt: skip
DEFAULT_CATEGORY_WEIGHT = 0.3

# Categories that open later than their archive (the rest open with the archive).
CATEGORY_START = {"eess.SY": 2019, "cs.SY": 1998, "econ.GN": 2019, "econ.TH": 2019}

# arXiv lists both codes of an alias pair whenever one is chosen.
ALIASES: dict[str, str] = {
    "cs.SY": "eess.SY", "eess.SY": "cs.SY", "math.IT": "cs.IT", "cs.IT": "math.IT",
    "math.ST": "stat.TH", "stat.TH": "math.ST", "math.MP": "math-ph", "math-ph": "math.MP",
    "q-fin.EC": "econ.GN", "econ.GN": "q-fin.EC", "cs.NA": "math.NA", "math.NA": "cs.NA",
}  # fmt: skip

# Retired codes a category was listed under before a year (old-style ids use their archive).
RETIRED: dict[str, tuple[str, int]] = {
    # modern code: (retired code, last year it was used)
    "math.AG": ("alg-geom", 1997), "math.FA": ("funct-an", 1997), "math.DG": ("dg-ga", 1997),
    "math.QA": ("q-alg", 1997), "nlin.CD": ("chao-dyn", 1999), "nlin.SI": ("solv-int", 1999),
    "nlin.PS": ("patt-sol", 1999), "nlin.AO": ("adap-org", 1999), "nlin.CG": ("comp-gas", 1999),
    "cs.CL": ("cmp-lg", 1998), "physics.atom-ph": ("atom-ph", 1996),
    "physics.chem-ph": ("chem-ph", 1996), "physics.plasm-ph": ("plasm-ph", 1996),
    "physics.acc-ph": ("acc-phys", 1996), "physics.ao-ph": ("ao-sci", 1996),
    "physics.data-an": ("bayes-an", 1996), "cond-mat.supr-con": ("supr-con", 1996),
    "cond-mat.mtrl-sci": ("mtrl-th", 1996),
}  # fmt: skip
# Archives whose first categories were retired codes; their other categories open later.
OPEN_YEAR = {"math": 1998, "cs": 1998}
# Categories that existed under a retired code before their archive opened.
EARLY_START = {"math.AG": 1992, "math.FA": 1995, "math.DG": 1994, "math.QA": 1994, "cs.CL": 1994}
SPLIT_LATE = {"astro-ph": 2008, "cond-mat": 1997}  # subject classes listed as the bare archive

# Cross-list partners beyond the primary's own archive (weights; siblings in the same archive
# get weight 1 each). cs.LG + stat.ML, hep-ph + hep-ex, astro-ph.CO + gr-qc, ...
AFFINITY: dict[str, dict[str, float]] = {
    "cs.LG": {"stat.ML": 6, "cs.AI": 4, "cs.CV": 2, "cs.CL": 1.5, "math.OC": 1},
    "cs.CV": {"cs.LG": 4, "eess.IV": 3, "cs.AI": 1, "cs.GR": 0.5, "cs.RO": 0.5},
    "cs.CL": {"cs.AI": 4, "cs.LG": 3, "cs.IR": 0.5},
    "cs.AI": {"cs.LG": 4, "cs.CL": 1.5, "cs.LO": 0.5, "cs.MA": 0.5},
    "cs.RO": {"cs.SY": 2, "cs.LG": 2, "cs.CV": 1.5},
    "cs.IT": {"eess.SP": 2}, "cs.SY": {"math.OC": 2}, "cs.CR": {"cs.LG": 1},
    "cs.DS": {"cs.CC": 2, "math.CO": 1.5, "cs.DM": 1}, "cs.SI": {"physics.soc-ph": 2, "cs.LG": 1},
    "cs.GT": {"econ.TH": 1.5, "cs.MA": 1}, "cs.SD": {"eess.AS": 4}, "cs.NE": {"cs.LG": 3},
    "cs.LO": {"math.LO": 2, "cs.PL": 1},
    "stat.ML": {"cs.LG": 8, "stat.ME": 2}, "stat.ME": {"stat.AP": 2, "stat.CO": 1},
    "stat.AP": {"stat.ME": 2, "q-bio.QM": 0.5},
    "hep-ph": {"hep-ex": 4, "hep-th": 3, "astro-ph.CO": 1.5, "hep-lat": 1, "nucl-th": 1,
               "astro-ph.HE": 1},
    "hep-th": {"gr-qc": 4, "hep-ph": 3, "math-ph": 1.5, "cond-mat.str-el": 0.5, "quant-ph": 0.5},
    "hep-ex": {"hep-ph": 5, "physics.ins-det": 1.5, "nucl-ex": 0.5},
    "hep-lat": {"hep-ph": 4, "hep-th": 2, "nucl-th": 1},
    "gr-qc": {"hep-th": 4, "astro-ph.CO": 3, "astro-ph.HE": 2, "math-ph": 0.5},
    "astro-ph.CO": {"gr-qc": 3, "hep-ph": 2}, "astro-ph.HE": {"gr-qc": 1.5, "hep-ph": 1.5},
    "astro-ph.IM": {"physics.ins-det": 1.5},
    "quant-ph": {"cond-mat.mes-hall": 2, "physics.optics": 2, "cond-mat.quant-gas": 1.5,
                 "physics.atom-ph": 1.5, "math-ph": 0.5, "hep-th": 0.5, "cs.ET": 0.5},
    "cond-mat.mes-hall": {"quant-ph": 1.5}, "cond-mat.quant-gas": {"quant-ph": 2},
    "cond-mat.stat-mech": {"physics.soc-ph": 0.5, "nlin.CD": 0.5, "math-ph": 0.5},
    "cond-mat.soft": {"physics.bio-ph": 2, "physics.flu-dyn": 1},
    "cond-mat.mtrl-sci": {"physics.app-ph": 2, "physics.comp-ph": 1, "physics.chem-ph": 1},
    "math.AP": {"math-ph": 1, "physics.flu-dyn": 0.3}, "math.PR": {"math-ph": 1, "math.ST": 1},
    "math.CO": {"cs.DM": 2}, "math.OC": {"cs.SY": 1, "cs.LG": 1},
    "math.DG": {"math-ph": 0.5}, "math.DS": {"nlin.CD": 1}, "math.LO": {"cs.LO": 1},
    "nucl-th": {"hep-ph": 3, "nucl-ex": 2, "astro-ph.HE": 0.5},
    "nucl-ex": {"nucl-th": 3, "hep-ex": 1.5},
    "physics.optics": {"quant-ph": 2}, "physics.flu-dyn": {"nlin.CD": 0.5},
    "physics.soc-ph": {"cs.SI": 2, "q-bio.PE": 0.5}, "physics.bio-ph": {"q-bio.BM": 1},
    "physics.chem-ph": {"cond-mat.mtrl-sci": 1},
    "physics.ins-det": {"hep-ex": 2, "nucl-ex": 1, "astro-ph.IM": 1},
    "q-bio.NC": {"cs.NE": 1, "cs.LG": 0.5}, "q-bio.PE": {"physics.soc-ph": 0.5},
    "eess.SP": {"cs.IT": 2}, "eess.IV": {"cs.CV": 5}, "eess.AS": {"cs.SD": 6},
    "econ.EM": {"stat.ME": 1.5}, "econ.TH": {"cs.GT": 1}, "q-fin.ST": {"cs.LG": 0.5},
}  # fmt: skip
# How often a cross-list stays in the primary's archive (the rest follow AFFINITY).
SAME_ARCHIVE_SHARE = 0.55

# --- institutions ---------------------------------------------------------------------------

# (full name, short name or "", name region); the region ties institutions to name tables.
INSTITUTIONS: tuple[tuple[str, str, str], ...] = (
    ("Tsinghua University", "", "zh"), ("Peking University", "PKU", "zh"),
    ("Shanghai Jiao Tong University", "SJTU", "zh"), ("Zhejiang University", "", "zh"),
    ("University of Science and Technology of China", "USTC", "zh"),
    ("Fudan University", "", "zh"), ("Nanjing University", "", "zh"),
    ("Institute of Physics, Chinese Academy of Sciences", "IOP CAS", "zh"),
    ("Institute of High Energy Physics, Chinese Academy of Sciences", "IHEP", "zh"),
    ("Sun Yat-sen University", "", "zh"), ("Wuhan University", "", "zh"),
    ("Seoul National University", "SNU", "ko"), ("KAIST", "", "ko"),
    ("Korea University", "", "ko"), ("POSTECH", "", "ko"),
    ("University of Tokyo", "", "ja"), ("Kyoto University", "", "ja"),
    ("Osaka University", "", "ja"), ("RIKEN", "", "ja"), ("KEK", "", "ja"),
    ("Indian Institute of Science", "IISc", "in"), ("IIT Bombay", "", "in"),
    ("Tata Institute of Fundamental Research", "TIFR", "in"),
    ("Indian Statistical Institute", "ISI Kolkata", "in"),
    ("Massachusetts Institute of Technology", "MIT", "en"), ("Stanford University", "", "en"),
    ("Harvard University", "", "en"), ("California Institute of Technology", "Caltech", "en"),
    ("Princeton University", "", "en"), ("University of California, Berkeley", "UC Berkeley", "en"),
    ("University of Cambridge", "", "en"), ("University of Oxford", "", "en"),
    ("Imperial College London", "", "en"), ("University of Chicago", "", "en"),
    ("Cornell University", "", "en"), ("University of Toronto", "", "en"),
    ("University of Melbourne", "", "en"), ("Carnegie Mellon University", "CMU", "en"),
    ("Fermi National Accelerator Laboratory", "Fermilab", "en"),
    ("Lawrence Berkeley National Laboratory", "LBNL", "en"),
    ("University of Edinburgh", "", "en"), ("University of Michigan", "", "en"),
    ("Max Planck Institute for Physics", "MPP", "de"),
    ("Max-Planck-Institut für Astrophysik", "MPA Garching", "de"),
    ("Ludwig-Maximilians-Universität München", "LMU Munich", "de"),
    ("Universität Heidelberg", "", "de"), ("DESY", "", "de"),
    ("Humboldt-Universität zu Berlin", "", "de"), ("University of Amsterdam", "", "de"),
    ("Leiden University", "", "de"), ("Niels Bohr Institute", "NBI", "de"),
    ("KTH Royal Institute of Technology", "KTH", "de"), ("ETH Zürich", "ETH Zurich", "de"),
    ("Universität Wien", "", "de"), ("EPFL", "", "fr"), ("CNRS", "", "fr"),
    ("Université Paris-Saclay", "", "fr"), ("École Normale Supérieure", "ENS Paris", "fr"),
    ("Sorbonne Université", "", "fr"), ("CEA Saclay", "", "fr"),
    ("Université Grenoble Alpes", "", "fr"), ("Sapienza Università di Roma", "", "it"),
    ("INFN", "", "it"), ("Scuola Normale Superiore", "SNS Pisa", "it"), ("SISSA", "", "it"),
    ("Università di Padova", "", "it"), ("Universidad Autónoma de Madrid", "UAM", "es"),
    ("Universitat de Barcelona", "", "es"), ("CSIC", "", "es"),
    ("Universidade de São Paulo", "USP", "es"), ("Universidad de Buenos Aires", "UBA", "es"),
    ("UNAM", "", "es"), ("Moscow State University", "MSU", "ru"),
    ("Steklov Mathematical Institute", "", "ru"),
    ("Landau Institute for Theoretical Physics", "", "ru"),
    ("Joint Institute for Nuclear Research", "JINR", "ru"),
    ("Budker Institute of Nuclear Physics", "", "ru"), ("Charles University", "", "cs"),
    ("Czech Technical University in Prague", "CTU Prague", "cs"),
    ("University of Warsaw", "", "cs"), ("Jagiellonian University", "", "cs"),
    ("Eötvös Loránd University", "ELTE", "hu"), ("Wigner Research Centre for Physics", "", "hu"),
    ("National and Kapodistrian University of Athens", "", "gr"),
    ("Aristotle University of Thessaloniki", "", "gr"),
    ("Weizmann Institute of Science", "", "me"), ("Technion", "", "me"),
    ("Sharif University of Technology", "", "me"), ("Boğaziçi University", "", "me"),
    ("Middle East Technical University", "METU", "me"), ("CERN", "", "en"),
)  # fmt: skip

DEPARTMENTS = {
    "math": "Mathematics", "cs": "Computer Science", "stat": "Statistics",
    "astro-ph": "Astronomy", "econ": "Economics", "q-fin": "Finance", "q-bio": "Biology",
    "eess": "Electrical Engineering",
}  # fmt: skip

# --- text -----------------------------------------------------------------------------------

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "phys": (
        "entanglement", "scattering amplitudes", "dark matter", "spin chains", "black holes",
        "topological phases", "neutrino oscillations", "gravitational waves", "superconductivity",
        "quasinormal modes", "lattice gauge theory", "cosmic inflation", "galaxy clusters",
        "exoplanets", "magnetic reconnection", "Bose-Einstein condensates", "quantum dots",
        "thermal transport", "turbulence", "phase transitions", "the Higgs sector",
    ),
    "math": (
        "elliptic curves", "moduli spaces", "random walks", "Sobolev spaces", "Hopf algebras",
        "graph colourings", "Lie groups", "stochastic PDEs", "knot invariants", "automorphic forms",
        "convex bodies", "operator algebras", "Markov chains", "Calabi-Yau manifolds",
        "free boundary problems", "permutation patterns", "spectral gaps", "Banach spaces",
    ),
    "cs": (
        "large language models", "graph neural networks", "diffusion models", "federated learning",
        "reinforcement learning", "vision transformers", "program synthesis", "secure aggregation",
        "approximation algorithms", "distributed consensus", "retrieval-augmented generation",
        "contrastive learning", "motion planning", "speech recognition", "recommender systems",
        "compressed sensing", "adversarial examples", "query optimization", "neural rendering",
    ),
    "bio": (
        "gene regulatory networks", "protein folding", "epidemic spreading", "neural coding",
        "population dynamics", "single-cell transcriptomics", "tumour growth", "cell motility",
    ),
    "econ": (
        "market microstructure", "portfolio selection", "mechanism design", "causal inference",
        "volatility forecasting", "optimal transport", "auction design", "panel data",
    ),
}  # fmt: skip
ADJECTIVES = (
    "robust", "scalable", "non-perturbative", "sharp", "efficient", "universal", "adaptive",
    "high-dimensional", "anisotropic", "stochastic", "nonlinear", "sparse", "quantum",
    "generalized", "optimal", "weakly coupled", "self-similar", "hierarchical", "local",
)  # fmt: skip
VERBS = (
    "study", "derive", "propose", "prove", "measure", "compute", "characterize", "construct",
    "analyse", "revisit", "establish", "investigate", "simulate", "bound",
)  # fmt: skip
TEAM_TITLES: dict[str, tuple[str, ...]] = {
    "hep": (
        "Measurement of the {x} production cross section in pp collisions at sqrt(s) = {e} TeV",
        "Search for {x} in final states with jets and missing transverse momentum at {e} TeV",
        "Observation of {x} decays with the {team} detector",
        "Study of {x} in proton-lead collisions at {e} TeV",
    ),
    "astro": (
        "Observation of {x} with the {team} detectors",
        "Constraints on {x} from {team} observations",
        "Search for {x} in the {team} data",
        "{team} results: {x}",
    ),
}  # fmt: skip
TEAM_SUBJECTS = {
    "hep": ("top-quark pairs", "W boson pairs", "Higgs boson", "supersymmetric particles",
            "heavy neutral leptons", "dijet resonances", "B meson", "charmonium states"),
    "astro": ("gravitational waves", "a binary black hole merger", "high-energy neutrinos",
              "dark matter annihilation", "gamma-ray bursts", "the cosmic microwave background",
              "cosmological parameters", "galaxy clustering"),
}  # fmt: skip
LICENSES = (
    "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
    "http://creativecommons.org/licenses/by/4.0/",
    "http://creativecommons.org/licenses/by-nc-sa/4.0/",
    "http://creativecommons.org/licenses/by-sa/4.0/",
    "http://creativecommons.org/publicdomain/zero/1.0/",
)
JOURNALS = {
    "phys": ("Phys.Rev.D", "Phys.Rev.B", "Phys.Rev.Lett.", "JHEP", "Astrophys.J.",
             "Mon.Not.Roy.Astron.Soc.", "Nucl.Phys.B", "Eur.Phys.J.C"),
    "math": ("J. Algebra", "Adv. Math.", "Ann. Probab.", "Duke Math. J.", "Trans. AMS"),
    "cs": ("IEEE Trans. Inf. Theory", "J. Mach. Learn. Res.", "Proc. NeurIPS", "Proc. CVPR"),
    "bio": ("Phys. Rev. E", "PLoS Comput. Biol.", "J. Theor. Biol."),
    "econ": ("Econometrica", "Quant. Finance", "J. Econ. Theory"),
}  # fmt: skip
DOI_PREFIX = {"phys": "10.1103", "math": "10.1016", "cs": "10.1109", "bio": "10.1371",
              "econ": "10.3982"}  # fmt: skip


def field_of(archive: str) -> str:
    """The text vocabulary family of an archive ("phys", "math", "cs", "bio" or "econ")."""
    if archive in ("math", "math-ph"):
        return "math"
    if archive in ("cs", "eess", "stat"):
        return "cs"
    if archive == "q-bio":
        return "bio"
    if archive in ("econ", "q-fin"):
        return "econ"
    return "phys"
