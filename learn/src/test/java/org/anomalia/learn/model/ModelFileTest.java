package org.anomalia.learn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    static Path dir;
    static Path good;

    @BeforeAll
    static void saveOne() {
        Matrix x = AutoencoderTest.sample(AutoencoderTest.mixing(), 200, 1);
        Autoencoder ae = new Autoencoder(new Autoencoder.Config(8, new int[] {8}, 2, Activation.RELU), 2);
        ae.fit(x, new TrainConfig().withEpochs(1).withSeed(3).withProgress(false));
        good = dir.resolve("good.model");
        ae.save(good);
    }

    static String error(Path p) {
        return assertThrows(UserException.class, () -> Autoencoder.load(p)).getMessage();
    }

    @Test
    void otherVersionTruncatedWrongKindAndGarbageAreClearUserErrors() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        // The version int follows the UTF magic (2-byte length + 14 bytes).
        byte[] v2 = bytes.clone();
        ByteBuffer.wrap(v2).putInt(16, ModelFile.VERSION + 1);
        Path other = Files.write(dir.resolve("v2.model"), v2);
        assertTrue(error(other).contains("format version " + (ModelFile.VERSION + 1)), error(other));

        for (int cut : new int[] {5, 20, 60, bytes.length / 2, bytes.length - 2}) {
            Path t = Files.write(dir.resolve("cut" + cut + ".model"), Arrays.copyOf(bytes, cut));
            String m = error(t);
            assertTrue(m.contains("truncated") || m.contains("corrupt"), m);
        }
        Path garbage = Files.writeString(dir.resolve("garbage.model"), "hello, this is not a model");
        assertTrue(error(garbage).contains("not an Anomalia model"), error(garbage));
        assertTrue(assertThrows(UserException.class, () -> Vae.load(good)).getMessage().contains("holds a autoencoder"));
        assertTrue(error(dir.resolve("missing.model")).contains("does not exist"));
    }

    @Test
    void aSavedModelIsReadableLikeAnyOtherFileNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(good)));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary left");
        }
    }
}
