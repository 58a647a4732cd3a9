/**
 * The Fluent UI web components the pane uses, in Excel's green and a font stack that has Chinese
 * glyphs on every platform (no web fonts: the pane loads nothing from outside its own origin).
 */
import {
  accentPalette,
  bodyFont,
  fluentButton,
  fluentOption,
  fluentProgressRing,
  fluentRadio,
  fluentRadioGroup,
  fluentSelect,
  fluentTab,
  fluentTabPanel,
  fluentTabs,
  PaletteRGB,
  provideFluentDesignSystem,
  SwatchRGB,
} from '@fluentui/web-components';

export const fontStack =
  '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

const excelGreen = SwatchRGB.create(0x10 / 255, 0x7c / 255, 0x41 / 255);

export function registerFluent(): void {
  provideFluentDesignSystem().register(
    fluentButton(),
    fluentOption(),
    fluentProgressRing(),
    fluentRadio(),
    fluentRadioGroup(),
    fluentSelect(),
    fluentTab(),
    fluentTabPanel(),
    fluentTabs(),
  );
  accentPalette.withDefault(PaletteRGB.from(excelGreen));
  bodyFont.withDefault(fontStack);
}
