# Reference upper-tail normal probabilities for the z-scores in <in.csv>, printed with 17 digits.
z <- read.csv(commandArgs(TRUE)[1])$z
writeLines(sprintf("%.17g", 2 * pnorm(abs(z), lower.tail = FALSE)), commandArgs(TRUE)[2])
