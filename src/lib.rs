//! agenda-bot: a cited-answer engine over the ASEAN defence-cooperation agenda, with a Discord transport.
