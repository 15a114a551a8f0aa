import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { formatDay } from '../vision/format';

const useStyles = makeStyles({
  banner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderInlineStartWidth: tokens.strokeWidthThicker,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  label: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  text: {
    margin: 0,
    flexGrow: 1,
    flexBasis: '16rem',
    minWidth: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  meta: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
});

/** The team's adopted vision, compact, above every view, linking to the Vision view. */
export function VisionBanner({
  vision,
  onOpen,
}: {
  vision: { text: string; adoptedAt: string };
  onOpen: () => void;
}) {
  const styles = useStyles();
  const url = new URL(window.location.href);
  url.searchParams.set('view', 'vision');
  return (
    <aside className={styles.banner} aria-label="Our vision">
      <p className={styles.label}>Our vision</p>
      <p className={styles.text}>{vision.text}</p>
      <p className={styles.meta}>
        Adopted {formatDay(vision.adoptedAt)} ·{' '}
        <Link
          href={url.search}
          onClick={(event) => {
            event.preventDefault();
            onOpen();
          }}
        >
          See the vision board
        </Link>
      </p>
    </aside>
  );
}
