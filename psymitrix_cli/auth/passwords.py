"""bcrypt hashing. bcrypt is imported on first use: most commands never hash."""

from __future__ import annotations

# Precomputed hashes of a throwaway password, one per cost. A login for an account
# that does not exist is checked against the one of the configured cost, so it
# costs the same bcrypt work as a wrong password and timing reveals nothing.
# (Computing one at run time would make the unknown-account path twice as slow.)
_DUMMY_HASHES: dict[int, str] = {
    4: "$2b$04$/gHEY0zb8IZL5X27xzdtmes/Zaq6a6pJ0AFDA0ZeYcJIfmQWEs7Q6",
    5: "$2b$05$wE9ZbJWDE92hNd7fRcMf2u.fQYj2QZfSvA6Qh4ZVBL11yZ1NERJdW",
    6: "$2b$06$kGmgYV7C1x5rPji3VVHXEOY9OfJMbsQyF49uTxxYkhHL6/Pw7SdRO",
    7: "$2b$07$82Ni2RkdWf6hS7WlQUm48OfCC/3HVmiBNpungtlh9yYo1mDPn/h2O",
    8: "$2b$08$tW93.dlT52AL2lDSlDylvOVLes7c5Y0qR5HgwQt4/P0rlAFzHjQza",
    9: "$2b$09$agDskXjbs03Rx2tvaeTpXOOMV5XyIeIy/FrnWSA3.hmYlh.coBrlW",
    10: "$2b$10$TO58Q2MaYWxrW1Bk8wm5/./2Zi9jRCbFIBvTQSVx65seAaQMYTXRG",
    11: "$2b$11$CoObL2htT0HBahNUw885QOcpxz8doCeFox0LBzmAGcXW3U9YTgrxq",
    12: "$2b$12$vQZkaQl0KRlQtwnP/0hcNuKrpQaYhNW/khPqAEo2eMBa1tiQMwgxu",
    13: "$2b$13$YklnxprtGyBMBuuuZp/KyuCz9r2LmTb3fS8Uvafg0idoqfspW5.4e",
    14: "$2b$14$ZNeHG4ad68049VkpdgGse..I6E5Tfmxn6D4hFr6LM9U52n7Tf/GH2",
    15: "$2b$15$ICrE1V2GgeBmqFfeJ0pHV.M.alQWuN/LxVywG14KyjLDwpu39PBqa",
    16: "$2b$16$nDc/7Kx4RHEUB2kXLMdcH.adYH9YLqs4kaR/GZoJN6j6.ay5uHecC",
}


def hash_password(password: str, rounds: int) -> str:
    import bcrypt

    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=rounds)).decode("ascii")


def verify_password(password: str, hashed: str) -> bool:
    import bcrypt

    try:
        return bcrypt.checkpw(password.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:  # a malformed stored hash, or a password over bcrypt's 72-byte limit
        return False


def dummy_hash(rounds: int) -> str:
    return _DUMMY_HASHES[min(max(rounds, 4), 16)]
