/** How well a score separates signal from background: ROC, AUC, SIC, rejections and S/sqrt(S+B) after cuts. */
package org.anomalia.events.metrics;
