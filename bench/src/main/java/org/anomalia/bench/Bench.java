package org.anomalia.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks of the Anomalia engine against peers measured in the same run (not unit tests). */
@Command(name = "anomalia-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: matmul kernels, b->sll sampling, and AE / VAE / MAF training against PyTorch.",
        subcommands = {KernelBench.class, ModelBench.class, BsllBench.class, LhcoBench.class, LhcoScoresBench.class, CathodeBench.class, CommandLine.HelpCommand.class})
public final class Bench implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out); // no subcommand: list them
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }
}
