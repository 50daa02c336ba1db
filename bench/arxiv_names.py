"""Researcher names for the `arxiv` corpus profile: realistic frequencies, printed variants.

A person is one 64-bit code (region, family, given, middle, style) in an array, so millions of
people cost a few bytes each. Family names have a head of real frequent names per region (with
published frequencies where known, README) and a long synthetic tail built from syllables, so
"Wei Wang" or "J. Smith" are shared by many people while most names are rare. Each authorship
prints the person's preferred form (full, initials, with or without the middle name) and now
and then another one, drops accents or swaps Chinese name order.
"""

from __future__ import annotations

import random
import unicodedata
from array import array
from bisect import bisect
from functools import cache, lru_cache
from itertools import accumulate

REGIONS = ("zh", "en", "de", "fr", "it", "es", "ru", "cs", "hu", "gr", "me", "in", "ja", "ko")
_R = {name: i for i, name in enumerate(REGIONS)}

# Share of authors by name region in 1995 and 2024 (linear in between; estimates, README).
REGION_SHARES_1995 = (0.06, 0.28, 0.14, 0.08, 0.08, 0.06, 0.10, 0.04, 0.015, 0.015, 0.02, 0.04,
                      0.07, 0.01)  # fmt: skip
REGION_SHARES_2024 = (0.24, 0.16, 0.08, 0.04, 0.045, 0.06, 0.04, 0.025, 0.01, 0.01, 0.05, 0.10,
                      0.04, 0.05)  # fmt: skip
# Members of the big experimental collaborations (mostly European and American).
HEP_REGION_SHARES = (0.10, 0.20, 0.15, 0.08, 0.12, 0.06, 0.08, 0.04, 0.01, 0.02, 0.03, 0.05,
                     0.04, 0.02)  # fmt: skip


def _names(spec: str) -> tuple[str, ...]:
    """Names from a space-separated string."""
    return tuple(spec.split())


def _w(spec: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Names with weights from "Name:weight Name:weight ..." (weights in percent)."""
    pairs = [item.rsplit(":", 1) for item in spec.split()]
    return tuple(p[0].replace("_", " ") for p in pairs), tuple(float(p[1]) for p in pairs)


def _zipf(
    spec: str, total: float, exponent: float = 0.7
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Names in rank order with Zipf weights summing to `total` percent ("_" is a space)."""
    names = tuple(n.replace("_", " ") for n in spec.split())
    raw = [1.0 / (rank + 1.5) ** exponent for rank in range(len(names))]
    scale = total / sum(raw)
    return names, tuple(r * scale for r in raw)


# Family-name heads: (names, weights in percent of the region). The rest of each region's
# mass goes to its synthetic tail. Chinese: Ministry of Public Security 2007 survey; Korean:
# Statistics Korea 2015 census; English: US Census 2010 (README).
FAMILY_HEADS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "zh": _w(
        "Wang:7.25 Li:7.19 Zhang:6.83 Liu:5.4 Chen:4.5 Yang:3.1 Huang:2.2 Zhao:2.1 Wu:2.0 "
        "Zhou:1.9 Xu:1.5 Sun:1.4 Ma:1.3 Zhu:1.3 Hu:1.2 Guo:1.15 He:1.1 Gao:1.0 Lin:1.0 Luo:0.95 "
        "Zheng:0.9 Liang:0.85 Jiang:0.8 Yu:0.8 Song:0.7 Xie:0.7 Tang:0.65 Han:0.6 Lu:0.6 "
        "Feng:0.55 Deng:0.55 Cao:0.55 Peng:0.5 Zeng:0.5 Xiao:0.5 Shi:0.5 Tian:0.45 Dong:0.45 "
        "Pan:0.45 Yuan:0.45 Cai:0.4 Du:0.35 Ye:0.35 Cheng:0.35 Wei:0.35 Su:0.35 Ding:0.33 "
        "Ren:0.32 Yao:0.3 Shen:0.3 Zhong:0.3 Cui:0.27 Tan:0.27 Fan:0.25 Liao:0.25 Jin:0.25 "
        "Lü:0.1 Chang:0.9 Wong:0.8 Cheung:0.4 Chan:0.6 Leung:0.3 Hsu:0.4 Tsai:0.3 Lee:0.7 Ho:0.3 "
        "Lau:0.2 Kwok:0.1 Tsang:0.1 Yeh:0.15 Hsieh:0.2 Chiang:0.15 Chou:0.2 Kuo:0.2 Lai:0.2"
    ),
    "ko": _w(
        "Kim:21.5 Lee:14.7 Park:8.4 Choi:4.7 Jung:2.5 Chung:1.0 Jeong:0.8 Kang:2.4 Cho:2.1 "
        "Yoon:2.1 Jang:1.2 Chang:0.8 Lim:1.0 Im:0.7 Han:1.5 Oh:1.5 Seo:1.5 Shin:1.5 Kwon:1.4 "
        "Hwang:1.4 Ahn:1.3 Song:1.3 Yoo:1.1 Ryu:0.5 Hong:1.1 Jeon:1.1 Ko:0.9 Moon:0.9 Yang:0.9 "
        "Son:0.9 Bae:0.8 Baek:0.7 Heo:0.6 Nam:0.5"
    ),
    "en": _w(
        "Smith:1.0 Johnson:0.79 Williams:0.66 Brown:0.59 Jones:0.58 Miller:0.47 Davis:0.46 "
        "Wilson:0.32 Anderson:0.31 Taylor:0.3 Thomas:0.3 Moore:0.29 Martin:0.29 Jackson:0.28 "
        "Thompson:0.28 White:0.26 Harris:0.24 Clark:0.23 Lewis:0.22 Robinson:0.22 Walker:0.22 "
        "Young:0.19 Allen:0.19 King:0.19 Wright:0.19 Scott:0.17 Green:0.17 Baker:0.17 Adams:0.17 "
        "Nelson:0.16 Hill:0.16 Campbell:0.14 Mitchell:0.14 Roberts:0.14 Carter:0.14 "
        "Phillips:0.13 Evans:0.13 Turner:0.13 Parker:0.12 Collins:0.12 Edwards:0.12 Stewart:0.12 "
        "Morris:0.12 Murphy:0.12 Cook:0.12 Rogers:0.12 Morgan:0.11 Cooper:0.11 Peterson:0.11 "
        "Reed:0.11 Bailey:0.11 Bell:0.11 Kelly:0.11 Howard:0.1 Ward:0.1 Cox:0.1 Richardson:0.1 "
        "Wood:0.1 Watson:0.1 Brooks:0.1 Bennett:0.1 Gray:0.1 Hughes:0.1 Price:0.08 Ross:0.08 "
        "Foster:0.08 O'Brien:0.06 O'Connor:0.05 McDonald:0.07 MacLeod:0.02"
    ),
    "de": _zipf(
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch "
        "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann "
        "Hartmann Lange Werner Krause Lehmann König Huber Kaiser Fuchs Peters Vogel Jensen "
        "Nielsen Hansen Pedersen Andersen Larsen Johansson Andersson Karlsson Nilsson Eriksson "
        "Lindqvist Sørensen Ødegaard Åberg de_Vries van_der_Berg van_Dijk Bakker Janssen Visser "
        "de_Jong ter_Haar von_Neumann",
        35,
    ),
    "fr": _zipf(
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefèvre Michel David Bertrand Roux Vincent Fournier Morel Girard André Lefebvre Mercier "
        "Dupont Lambert Bonnet François Legrand Garnier Faure Rousseau Blanc Guérin Chevalier "
        "Gauthier Perrin Clément Noël Hébert Bérard",
        30,
    ),
    "it": _zipf(
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani "
        "Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Serra "
        "D'Angelo Marchetti Parisi Villa Conte Ferri Fabbri Di_Matteo Niccolò",
        30,
    ),
    "es": _zipf(
        "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez "
        "Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres "
        "Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado "
        "Castro Ortiz Núñez Iglesias Medina Cortés Castillo Santos Silva Oliveira Souza Pereira "
        "Carvalho Almeida Ferreira Ribeiro Gonçalves Araújo Lima Barbosa da_Silva dos_Santos "
        "del_Pino",
        50,
    ),
    "ru": _zipf(
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov "
        "Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov "
        "Andreev Makarov Nikitin Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoriev Romanov "
        "Sergeev Frolov Kovalenko Shevchenko Bondarenko Tkachenko Melnyk",
        30,
    ),
    "cs": _zipf(
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
        "Woźniak Dąbrowski Kozłowski Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý "
        "Horák Němec Pokorný Hájek Jelínek Král Růžička Beneš Šrámek Vinař",
        30,
    ),
    "hu": _zipf(
        "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács "
        "Juhász Mészáros Fekete Szűcs Erdős Lovász Pálfy",
        55,
    ),
    "gr": _zipf(
        "Papadopoulos Georgiou Nikolaou Dimitriou Ioannou Konstantinou Papadakis Vlachos "
        "Antoniou Makris Oikonomou Christodoulou Karagiannis Pappas Economou Alexiou",
        25,
    ),
    "me": _zipf(
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Özdemir Arslan Doğan Hassan Ali "
        "Mohamed Ahmed Khan Hussain Rahman Haddad Khalil Mansour Karimi Hosseini Mohammadi "
        "Ahmadi Rezaei Moradi Hashemi Cohen Levi Mizrahi Friedman",
        40,
    ),
    "in": _zipf(
        "Kumar Singh Sharma Gupta Patel Das Reddy Shah Jain Rao Agarwal Mishra Verma Chatterjee "
        "Banerjee Mukherjee Bose Ghosh Iyer Nair Pillai Krishnan Menon Chakraborty Sen Dutta Roy "
        "Pandey Tiwari Yadav Joshi Kulkarni Desai Mehta Srivastava Saxena Sinha Bhattacharya",
        45,
    ),
    "ja": _w(
        "Sato:1.5 Suzuki:1.4 Takahashi:1.1 Tanaka:1.1 Watanabe:0.9 Ito:0.9 Yamamoto:0.9 "
        "Nakamura:0.85 Kobayashi:0.85 Kato:0.7 Yoshida:0.7 Yamada:0.65 Sasaki:0.55 "
        "Yamaguchi:0.5 Matsumoto:0.5 Inoue:0.5 Kimura:0.45 Hayashi:0.45 Shimizu:0.45 "
        "Yamazaki:0.4 Mori:0.4 Abe:0.4 Ikeda:0.4 Hashimoto:0.4 Yamashita:0.35 Ishikawa:0.35 "
        "Nakajima:0.35 Maeda:0.35 Fujita:0.35 Ogawa:0.35 Goto:0.3 Okada:0.3 Hasegawa:0.3 "
        "Murakami:0.3 Kondo:0.3 Ishii:0.3 Saito:0.3 Sakamoto:0.3 Endo:0.3 Aoki:0.3"
    ),
}


# Synthetic tails: onset + vowel + coda + suffix (index t picks one combination), so each
# region has thousands to 150,000 rare family names; Chinese and Korean tails are real rarer
# surnames (those name pools are small: the top 100 Chinese surnames cover 85%).
def _parts(onsets: str, vowels: str, codas: str, suffixes: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(x.replace("-", "") for x in part.split())
        for part in (onsets, vowels, codas, suffixes)
    )


TAIL_PARTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "zh": _parts("Qiu Ruan Mo Kong Xiong Meng Qin Yan Xue Hou Lei Bai Long Duan Hao Shao Mao Wan "
                 "Gu Kang Yin Qian Niu Hong Gong Wen Fu Qi Pang Zou Xia Jia Ge Tao Ni Shang Zhan "
                 "Dai Fang Ouyang Sima Zhuge Shangguan Bao Chai Che Chu Diao Geng Hua Ji Kou Lian "
                 "Miao Nie Ou Pei Quan Rao Sang Tong Xing Yi Zang Zuo", "-", "-", "-"),
    "ko": _parts("Noh Ha Kwak Sung Cha Joo Woo Min Jin Byun Eom Won Chae Cheon Bang Gong Hyun "
                 "Yeo Chu Pyo", "-", "-", "-"),
    "en": _parts("B Br C Ch Cr D Dr F Fl G Gr H J K L M N P Pr R S Sh St T Th Tr W Wh",
                 "a e i o u ai ea ee oa ou", "b ck d ff g l ll m n nd ng nt r rd rk rn s ss t tt "
                 "x ld lt", "- ford ley ton well wood by son ridge man field worth ham more cott "
                 "stone land wick den shaw er ing s"),
    "de": _parts("B Br D Dr E F Fr G Gr H K Kr L M N P R S Sch Schw St T W Z",
                 "a e i o u ä ö ü ei au ie", "b ch ck d f g l ll m n nd ng r rg rt s ss t tz",
                 "- mann berg stein hoff bach feld meier huber ling hardt brecht inger wald ke "
                 "er gaard ström qvist dal sen"),
    "fr": _parts("B Bl C Ch D F G Gr L M N P R S T V", "a e i o ou au eau ai",
                 "- l ll n r rr s t c", "- in ier and eau ot et ard ault ois elle ière on y ac"),
    "it": _parts("B C D F G L M N P R S T V Z", "a e i o u", "- l ll n r rr s t tt cc zz",
                 "ini etti elli ucci ano ari oni one otti ato esi ardi ello azzi o a i"),
    "es": _parts("B C D F G L M N P R S T V Z Ch", "a e i o u ue ia", "- l n r s rr d",
                 "ez es ado eira ano illo ero ales ón ino uera eda al"),
    "ru": _parts("B V G D Zh Z K L M N P R S T F Kh Ts Ch Sh Shch Y", "a e i o u y",
                 "- l n r s k sh t v z", "ov ev in enko sky kin nikov shin chuk yuk ovich kov"),
    "cs": _parts("B Ch D H J K Kr L M N P Pr R S Sz T W Wr Z Ž Š", "a e i o u y ó ě",
                 "- ł n r s k l c ch", "ski czyk ewicz ák ek ík ný ka iak ec owski"),
    "hu": _parts("B Cs F G H K L M N P R Sz T V Zs", "a e i o u á é ó ő", "- l r k n s t",
                 "gyi ó ás ai vári ényi falvi ős ko di"),
    "gr": _parts("K P M N L S T V G D Ch Th", "a e i o", "- l n r s st",
                 "poulos iou akis idis atos elis oglou as opoulos"),
    "me": _parts("B D G H K M N R S T Y Z Ş Ç Kh", "a e i o u ı ö ü", "- l r n z k m",
                 "maz demir kaya han soy oğlu can türk dağ i ani zadeh"),
    "in": _parts("B Bh Ch D Dh G J K Kh M N P R S Sh Sr T V", "a i u e o aa", "- n r m sh th v",
                 "an esh amurthy aswamy arajan ayan anathan dra kar wal ani ia ari ulu"),
    "ja": _parts("Naka Yama Ta Ki Ishi Mori Mat Fuji Hashi Kawa Ma O Ko Shima Taka Kita Mi Sa "
                 "Hara Ike Uchi No Ue Ara Tsu Mizu Hiro Kuro Shiro Aka Iwa Oku Sugi Hoshi Kane "
                 "Ota", "-", "- no ga gu ka sa ne ri", "mura moto da no kawa hara yama zaki "
                 "shita ta guchi uchi saka hashi ki oka shima mori gawa bayashi"),
}  # fmt: skip

GIVEN_HEADS: dict[str, tuple[str, ...]] = {
    "zh": _names(
        "Wei Jing Lei Min Jun Yan Hui Li Ming Hao Yu Bo Tao Jie Qiang Ying Yang Fang Xin Lin "
        "Na Ping Hong Gang Peng Bin Chao Feng Lu Rui Kai Jian Yi Long Dan Juan Ting"
    ),
    "ko": _names(
        "Min Jun Ji Hoon Seung Hyun Young Jae Sung Dong Woo Jin Soo Eun Hye Yeon Kyung Ho "
        "Chul Hee Sang Jung Joon Yong Hwan Seok Won Tae Gyu Bin"
    ),
    "en": _names(
        "James John Michael David Robert William Richard Thomas Mark Paul Daniel Andrew "
        "Christopher Matthew Peter Steven Brian Kevin Jonathan Timothy Sarah Jennifer Emily "
        "Elizabeth Laura Rachel Rebecca Katherine Mary Anna Benjamin Samuel Adam Nicholas "
        "Alexander Joseph Charles Edward George Henry Neal Alan"
    ),
    "de": _names(
        "Thomas Michael Andreas Stefan Peter Jürgen Klaus Wolfgang Matthias Martin Christian "
        "Jan Markus Frank Tobias Florian Sebastian Lars Sören Henrik Jens Anna Katrin Julia "
        "Sabine Claudia Ingrid Birgit Maarten Pieter Joost Ewine Floris Mikkel Gunnar"
    ),
    "fr": _names(
        "Jean Pierre François Nicolas Philippe Michel Laurent Stéphane Sébastien Marie "
        "Isabelle Hélène Jérôme Olivier Julien Guillaume Antoine Thierry Christophe Benoît "
        "Cécile Claire Sophie Aurélien Jean-Pierre Jean-Marc Éric"
    ),
    "it": _names(
        "Marco Giuseppe Giovanni Andrea Francesco Luca Alessandro Paolo Stefano Roberto "
        "Giulia Chiara Nicolò Matteo Lorenzo Federico Simone Davide Antonio Massimo Elena "
        "Francesca Silvia Riccardo Fabio"
    ),
    "es": _names(
        "José Juan Carlos Luis Javier Miguel Antonio Jesús María Ana Lucía Raúl Andrés João "
        "Gonçalo Pablo Alejandro Fernando Jorge Manuel Sergio Diego Rafael Pedro Ramón Inés "
        "Joaquín Iñaki"
    ),
    "ru": _names(
        "Alexander Sergey Andrey Dmitry Alexey Vladimir Mikhail Ivan Nikolay Elena Olga "
        "Natalia Yuri Pavel Maxim Igor Oleg Boris Viktor Tatiana Irina Anton Kirill Roman "
        "Evgeny Grigory Oleksandr"
    ),
    "cs": _names(
        "Tomáš Jiří Petr Jan Łukasz Piotr Krzysztof Paweł Michał Tomasz Zdeněk Radek "
        "Magdalena Agnieszka Rastislav Broňa Marek Jakub Ondřej Wojciech"
    ),
    "hu": _names(
        "Péter László Gábor Zoltán István Tamás András Balázs Ádám Katalin Attila Zsolt Csaba "
        "Eszter"
    ),
    "gr": _names(
        "Georgios Nikolaos Konstantinos Dimitrios Ioannis Panagiotis Maria Eleni Christos "
        "Vasileios Athanasios Sofia"
    ),
    "me": _names(
        "Mehmet Ahmet Mustafa Ali Mohammad Ahmed Omar Hassan Fatma Ayşe Emre Ömer Reza "
        "Hossein Amir Sara Yosef David Noam Tamar Şükrü"
    ),
    "in": _names(
        "Rahul Amit Sanjay Priya Anil Arun Rajesh Sunil Vikram Deepak Ankit Neha Pooja Ravi "
        "Suresh Ashok Aditya Arjun Kavita Lakshmi Srinivas Venkatesh Ramesh Sachin Abhishek "
        "Shreya Ananya Siddharth Manoj Pradeep Sandeep Vivek Gaurav Nikhil Rohit Saurabh "
        "Varun Akash Anand Ajay Vijay Sudhir Prakash Mahesh Ganesh Harish Kiran Naveen Pankaj "
        "Tarun Vinod Yogesh Anjali Divya Meera Nisha Preeti Swati Sneha Shweta Arvind Bharat "
        "Chandra Dinesh Girish Hemant Jayant Kamal Lalit Mohan Narayan Omkar Partha Rakesh "
        "Sumit Tushar Utpal Uday"
    ),
    "ja": _names(
        "Hiroshi Takashi Kenji Yuki Naoki Satoshi Yusuke Daisuke Akira Kazuki Masahiro Tomoko "
        "Yoko Takuya Shinji Koji Makoto Tetsuya Hideki Ryo Sho Kenta Haruka Ayumi Keiko "
        "Masato Tatsuya Yoshihiro Hiroki Takeshi Shigeru Toshiyuki Kazuhiro Nobuyuki Atsushi "
        "Jun Yasuhiro Masaki Naoko Tomohiro"
    ),
}
# Syllables of two-syllable Chinese and Korean given names ("Zhi" + "qin").
GIVEN_SYLLABLES = {
    "zh": _names(
        "Zhi Xiao Jian Ming Hong Wen Hai Yong Jun Guo Li Xin Yu Hao Jia Zi Yi Chen Qin Wei "
        "Yan Hui Jing Ling Tian Cheng Feng Rui Shu Xue Dong Qing Lan Mei Hua Yun Bin Kai Lei "
        "Peng Fei Ze Han Xuan Nan Ning Shan Sheng Tao Yang Ying Zhong Zhen Hang Wu Kang Song "
        "Bo Xiang Yue Jie Qiang"
    ),
    "ko": GIVEN_HEADS["ko"],
}
GIVEN_ZIPF = 0.5  # given names are less concentrated than family names (top ~5% a region)
SINGLE_GIVEN_SHARE = {"zh": 0.25, "ko": 0.05}  # the rest have two-syllable given names
MIDDLE_SHARE = {"en": 0.45, "de": 0.25, "fr": 0.15, "it": 0.1, "es": 0.25, "ru": 0.55,
                "cs": 0.1, "hu": 0.1, "gr": 0.1, "me": 0.1, "in": 0.3, "ja": 0.03, "zh": 0.05,
                "ko": 0.03}  # fmt: skip
INITIALS_SHARE = {"ru": 0.45, "in": 0.3, "en": 0.25, "de": 0.25}  # others: 0.2
DOUBLE_SURNAME_SHARE = 0.35  # Spanish/Portuguese authors printing two family names
SUFFIXES = ("Jr.", "II", "III")
SUFFIX_SHARE = 0.01  # English-named authors printing a generational suffix

# Per-authorship deviations from the preferred printed form (cumulative thresholds on one
# uniform draw): another form, no accents, Chinese family-name-first order.
_OTHER_FORM, _NO_ACCENTS, _SWAPPED = 0.12, 0.15, 0.153
# Preferred form -> alternatives: 0 "Given M. Family", 1 "Given Family", 2 "G. M. Family",
# 3 "G. Family".
_ALTERNATIVES = ((1, 2, 3), (0, 3, 2), (3, 0, 1), (2, 1, 0))
ARXIV_PREFIXES = frozenset(
    ["van", "der", "de", "la", "von", "del", "della", "da", "mac", "ter", "dem", "di", "vaziri"]
)  # the particles arXiv's author parser keeps with the family name

LATEX: dict[str, str] = {
    "á": r"\'a", "é": r"\'e", "í": r"\'i", "ó": r"\'o", "ú": r"\'u", "ý": r"\'y",
    "Á": r"\'A", "É": r"\'E", "Í": r"\'I", "Ó": r"\'O", "Ú": r"\'U",
    "à": r"\`a", "è": r"\`e", "ì": r"\`i", "ò": r"\`o", "ù": r"\`u",
    "ä": r"\"a", "ë": r"\"e", "ï": r"\"i", "ö": r"\"o", "ü": r"\"u",
    "Ä": r"\"A", "Ö": r"\"O", "Ü": r"\"U",
    "â": r"\^a", "ê": r"\^e", "î": r"\^i", "ô": r"\^o", "û": r"\^u",
    "ã": r"\~a", "õ": r"\~o", "ñ": r"\~n",
    "ç": r"\c{c}", "ş": r"\c{s}", "Ş": r"\c{S}",
    "č": r"\v{c}", "Č": r"\v{C}", "š": r"\v{s}", "Š": r"\v{S}", "ž": r"\v{z}", "Ž": r"\v{Z}",
    "ř": r"\v{r}", "Ř": r"\v{R}", "ě": r"\v{e}", "ň": r"\v{n}", "ğ": r"\u{g}",
    "ő": r"\H{o}", "ű": r"\H{u}", "ů": r"\r{u}",
    "ł": r"\l{}", "Ł": r"{\L}", "ø": r"{\o}", "Ø": r"{\O}", "å": r"\aa{}", "Å": r"{\AA}",
    "ß": r"{\ss}", "ı": r"{\i}", "ą": r"\k{a}", "ę": r"\k{e}", "ś": r"\'s", "ć": r"\'c",
    "ń": r"\'n", "ź": r"\'z", "ż": r"\.z", "Ç": r"\c{C}",
}  # fmt: skip
TO_LATEX = str.maketrans(LATEX)
_ASCII = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i"}
TO_ASCII = str.maketrans(
    {ch: _ASCII.get(ch) or unicodedata.normalize("NFKD", ch)[0] for ch in LATEX}
)

PARTS_CACHE = 200_000  # spelled-out names kept (the active people, roughly)
_REGION_BITS, _FAMILY_BITS, _GIVEN_BITS, _MIDDLE_BITS = 4, 20, 16, 10
_TAIL = 1 << 12  # family/given values at or above this index the synthetic tail
_SHIFT_F = _REGION_BITS
_SHIFT_G = _SHIFT_F + _FAMILY_BITS
_SHIFT_M = _SHIFT_G + _GIVEN_BITS
_SHIFT_S = _SHIFT_M + _MIDDLE_BITS
# Style bits: 0-1 preferred form, 2 hyphenated syllables, 3 lower-case second syllable,
# 4 double family name, 5 hyphenated double family name, 6 generational suffix, 7 full middle.
_HYPHEN, _LOWER, _DOUBLE, _DOUBLE_HYPHEN, _SUFFIX, _FULL_MIDDLE = 4, 8, 16, 32, 64, 128


def initials(given: str) -> str:
    """ "Zhi-Qin John" -> "Z.-Q. J."; "Zhiqin" -> "Z."."""
    return " ".join("-".join(p[:1] + "." for p in tok.split("-") if p) for tok in given.split())


def arxiv_given(given: str) -> str:
    """A given name as arXiv's parser stores it: a space after each dot ("C.-P." -> "C. -P.")."""
    return given.replace(".-", ". -") if ".-" in given else given


def arxiv_entry(given: str, family: str, suffix: str = "") -> list[str]:
    """[family, given, suffix] as arXiv's parser splits "Given Family": particles it knows stay
    with the family name, any other extra family word joins the given names."""
    if " " in family:
        words = family.split()
        known = [w.lower() in ARXIV_PREFIXES for w in words[:-1]]
        if len(words) > 3 or not all(known):
            given, family = f"{given} {' '.join(words[:-1])}", words[-1]
    return [family, arxiv_given(given), suffix]


@lru_cache(maxsize=1 << 16)
def tail_name(region: str, index: int) -> str:
    """The synthetic family name number `index` of a region (syllable combination)."""
    name = ""
    for part in TAIL_PARTS[region]:
        index, i = divmod(index, len(part))
        name += part[i]
    return name


@cache
def tail_size(region: str) -> int:
    """How many distinct synthetic family names a region has."""
    size = 1
    for part in TAIL_PARTS[region]:
        size *= len(part)
    return size


class NameBook:
    """All people's names, one int code each, and their printed forms per authorship."""

    def __init__(self) -> None:
        self.codes = array("q")
        self._parts: dict[int, tuple[str, str, str, str, int]] = {}  # bounded caches
        self._preferred: dict[int, tuple[list[str], str]] = {}
        self._family_cum = {r: list(accumulate(FAMILY_HEADS[r][1])) for r in FAMILY_HEADS}
        self._given_cum = {
            r: list(accumulate((i + 2) ** -GIVEN_ZIPF for i in range(len(g))))
            for r, g in GIVEN_HEADS.items()
        }
        zh = GIVEN_SYLLABLES["zh"]
        self._syllable_cum = list(accumulate(1.0 / (i + 3) for i in range(len(zh))))

    def __len__(self) -> int:
        return len(self.codes)

    # --- creating people ------------------------------------------------------------------

    def new_person(self, rng: random.Random, region: int) -> int:
        """Draw a name in a region (index into REGIONS); returns the new person's id."""
        r = REGIONS[region]
        family = self._draw_family(rng, r)
        given = self._draw_given(rng, r)
        middle = 0
        if rng.random() < MIDDLE_SHARE[r]:
            middle = 1 + self._draw_head_given(rng, r) if r not in ("zh", "ko") else 1
        style = self._draw_style(rng, r, middle)
        code = (
            region | family << _SHIFT_F | given << _SHIFT_G | middle << _SHIFT_M | style << _SHIFT_S
        )
        self.codes.append(code)
        return len(self.codes) - 1

    def _draw_family(self, rng: random.Random, r: str) -> int:
        cum = self._family_cum[r]
        u = rng.random() * 100.0
        if u < cum[-1]:
            return bisect(cum, u)
        size = tail_size(r)  # big synthetic tails favour their first (shorter) names
        return _TAIL + int(size * rng.random() ** (2 if size > 1000 else 1))

    def _draw_head_given(self, rng: random.Random, r: str) -> int:
        cum = self._given_cum[r]
        return min(bisect(cum, rng.random() * cum[-1]), len(cum) - 1)

    def _draw_given(self, rng: random.Random, r: str) -> int:
        if r in GIVEN_SYLLABLES and rng.random() >= SINGLE_GIVEN_SHARE[r]:
            n = len(GIVEN_SYLLABLES[r])
            cum = self._syllable_cum
            a = min(bisect(cum, rng.random() * cum[-1]), n - 1)
            b = (
                min(bisect(cum, rng.random() * cum[-1]), n - 1)
                if r == "zh"
                else int(rng.random() * n)
            )
            return _TAIL + a * 64 + b
        return self._draw_head_given(rng, r)

    @staticmethod
    def _draw_style(rng: random.Random, r: str, middle: int) -> int:
        initials_share = INITIALS_SHARE.get(r, 0.2)
        u = rng.random()
        if middle:
            form = 2 if u < initials_share else (0 if u < 0.8 else 1 if u < 0.93 else 3)
        else:
            form = 3 if u < initials_share else 1
        style = form
        if r in ("zh", "ko"):
            v = rng.random()
            style |= (_HYPHEN if v < 0.4 else 0) | (_LOWER if v < 0.1 else 0)
        if r == "es" and rng.random() < DOUBLE_SURNAME_SHARE:
            style |= _DOUBLE | (_DOUBLE_HYPHEN if rng.random() < 0.25 else 0)
        if r == "en" and rng.random() < SUFFIX_SHARE:
            style |= _SUFFIX
        if r in ("en", "es", "de") and rng.random() < 0.35:
            style |= _FULL_MIDDLE
        return style

    # --- reading names --------------------------------------------------------------------

    def parts(self, pid: int) -> tuple[str, str, str, str, int]:
        """(region, family, given, middle, style) of a person, all spelled out."""
        cached = self._parts.get(pid)
        if cached is None:
            if len(self._parts) >= PARTS_CACHE:
                self._parts.clear()
            cached = self._parts[pid] = self._spell(pid)
        return cached

    def _spell(self, pid: int) -> tuple[str, str, str, str, int]:
        code = self.codes[pid]
        r = REGIONS[code & 15]
        f = (code >> _SHIFT_F) & ((1 << _FAMILY_BITS) - 1)
        g = (code >> _SHIFT_G) & ((1 << _GIVEN_BITS) - 1)
        m = (code >> _SHIFT_M) & ((1 << _MIDDLE_BITS) - 1)
        style = code >> _SHIFT_S
        return r, _family(r, f, g, style), _given(r, g, style), _middle(r, m), style

    def family_key(self, pid: int) -> str:
        """The family name as sorted in alphabetical author lists."""
        return self.parts(pid)[1]

    def render(self, pid: int, u: float) -> tuple[list[str], str]:
        """One authorship: the authors_parsed entry and the "Given Family" text (Unicode).

        `u` (uniform in [0, 1)) picks the deviations from the preferred form.
        """
        if u >= _SWAPPED:  # the preferred form, most of the time: cached
            cached = self._preferred.get(pid)
            if cached is None:
                if len(self._preferred) >= PARTS_CACHE:
                    self._preferred.clear()
                cached = self._preferred[pid] = self._render(pid, u)
            return list(cached[0]), cached[1]
        return self._render(pid, u)

    def _render(self, pid: int, u: float) -> tuple[list[str], str]:
        r, family, given, middle, style = self.parts(pid)
        form = style & 3
        if u < _OTHER_FORM:
            form = _ALTERNATIVES[form][int(u * 1000) % 3]
        printed = _printed_given(given, middle, form, style)
        suffix = SUFFIXES[pid % 3] if style & _SUFFIX else ""
        if r == "zh" and _NO_ACCENTS <= u < _SWAPPED and form in (1, 0):
            return [printed, family, ""], f"{family} {printed}"
        if _OTHER_FORM <= u < _NO_ACCENTS:
            family, printed = family.translate(TO_ASCII), printed.translate(TO_ASCII)
        text = f"{printed} {family} {suffix}" if suffix else f"{printed} {family}"
        if " " in family or suffix:
            return arxiv_entry(printed, family, suffix), text
        return [family, arxiv_given(printed), ""], text

    def render_collab(self, pid: int) -> tuple[list[str], str]:
        """How collaborations print a member: initials of every given name ("B. P. Abbott")."""
        _, family, given, middle, _ = self.parts(pid)
        printed = initials(f"{given} {middle}" if middle else given)
        return arxiv_entry(printed, family), f"{printed} {family}"


def _family(r: str, f: int, g: int, style: int) -> str:
    name = tail_name(r, f - _TAIL) if f >= _TAIL else FAMILY_HEADS[r][0][f]
    if style & _DOUBLE:
        heads = FAMILY_HEADS[r][0]
        second = heads[(f * 7 + g) % len(heads)]
        if second != name and " " not in second and " " not in name:
            return f"{name}-{second}" if style & _DOUBLE_HYPHEN else f"{name} {second}"
    return name


def _given(r: str, g: int, style: int) -> str:
    if g < _TAIL:
        return GIVEN_HEADS[r][g]
    syllables = GIVEN_SYLLABLES[r]
    a, b = syllables[(g - _TAIL) // 64], syllables[(g - _TAIL) % 64]
    if style & _HYPHEN:
        return f"{a}-{b.lower() if style & _LOWER else b}"
    return a + b.lower()


def _middle(r: str, m: int) -> str:
    if not m:
        return ""
    if r in ("zh", "ko"):
        return "John"  # a Western middle name, as in "Zhi-Qin John Xu"
    return GIVEN_HEADS[r][m - 1]


def _printed_given(given: str, middle: str, form: int, style: int) -> str:
    if form == 1 or (form == 0 and not middle):
        return given
    if form == 0:
        return f"{given} {middle if style & _FULL_MIDDLE else initials(middle)}"
    if form == 2 and middle:
        return f"{initials(given)} {initials(middle)}"
    return initials(given)


def region_weights(year: int) -> list[float]:
    """Cumulative region weights for new people starting their career in `year`."""
    t = min(max((year - 1995) / (2024 - 1995), 0.0), 1.0)
    shares = [a + (b - a) * t for a, b in zip(REGION_SHARES_1995, REGION_SHARES_2024, strict=True)]
    return list(accumulate(shares))
